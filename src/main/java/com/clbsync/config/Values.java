package com.clbsync.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading a validated document: each value by its {@link Key}, as the declared type or else the key's
 * default. A value of another type or out of range was already reported by {@link SchemaCheck}, and no
 * configuration is made of a document with a problem: here it only counts as absent.
 */
final class Values {
    private Values() {
    }

    static Optional<String> string(Map<?, ?> m, Key k) {
        Object v = m.get(k.name);
        return v instanceof String ? Optional.of(((String) v).trim()) : Optional.empty();
    }

    static int integer(Map<?, ?> m, Key k) {
        Object v = m.get(k.name);
        return v instanceof Integer ? (Integer) v : ((Number) k.defaultValue().orElseThrow()).intValue();
    }

    static double number(Map<?, ?> m, Key k) {
        Object v = m.get(k.name);
        return v instanceof Number ? ((Number) v).doubleValue() : ((Number) k.defaultValue().orElseThrow()).doubleValue();
    }

    static boolean bool(Map<?, ?> m, Key k) {
        Object v = m.get(k.name);
        return v instanceof Boolean ? (Boolean) v : (Boolean) k.defaultValue().orElse(false);
    }

    /** The value of a key with allowed values, or its default. */
    static String choice(Map<?, ?> m, Key k) {
        return string(m, k).filter(k.values()::contains).orElse(String.valueOf(k.defaultValue().orElseThrow()));
    }

    static Map<?, ?> map(Map<?, ?> m, Key k) {
        Object v = m.get(k.name);
        return v instanceof Map ? (Map<?, ?>) v : Map.of();
    }

    static List<?> list(Map<?, ?> m, Key k) {
        Object v = m.get(k.name);
        return v instanceof List ? (List<?>) v : List.of();
    }

    /** What kind of value this is, for a problem that may not show it. */
    static String kindOf(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v == null) {
            return "nothing (null)";
        }
        if (v instanceof Boolean) {
            return "true or false";
        }
        if (v instanceof Number) {
            return v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal ? "a number" : "a whole number";
        }
        String s = String.valueOf(v);
        return "a text of " + s.length() + (s.length() == 1 ? " character" : " characters");
    }
}
