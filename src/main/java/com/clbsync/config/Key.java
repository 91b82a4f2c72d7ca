package com.clbsync.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key, declared once: its type, default, range or pattern, whether it is required,
 * whether its value may be shown in a problem, and its doc. {@link ConfigSchema} holds the tree of them;
 * the JSON Schema editors use and the loader's validation both come from it.
 */
final class Key {
    enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), OBJECT("object"), ARRAY("array");

        final String json;

        Type(String json) {
            this.json = json;
        }
    }

    final String name;
    final Type type;
    final String doc;
    private Object dflt;
    private Number minimum;
    private Number maximum;
    private boolean exclusiveMinimum;
    private String pattern;
    private List<String> values = List.of();
    private boolean required;
    private boolean hidden;
    private String expectation;
    private String unknownKey = "unknown key";
    private Integer minItems;
    private final Map<String, Key> fields = new LinkedHashMap<>();
    private Key items;

    private Key(String name, Type type, String doc) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.doc = Objects.requireNonNull(doc);
    }

    static Key string(String name, String doc) { return new Key(name, Type.STRING, doc); }
    static Key integer(String name, String doc) { return new Key(name, Type.INTEGER, doc); }
    static Key number(String name, String doc) { return new Key(name, Type.NUMBER, doc); }
    static Key bool(String name, String doc) { return new Key(name, Type.BOOLEAN, doc).dflt(false); }

    /** A mapping with exactly these keys (any other is a problem). */
    static Key object(String name, String doc, Key... fields) {
        Key k = new Key(name, Type.OBJECT, doc);
        for (Key f : fields) {
            k.fields.put(f.name, f);
        }
        return k;
    }

    /** A list of {@code items}, at least one when given. */
    static Key list(String name, String doc, Key items) {
        Key k = new Key(name, Type.ARRAY, doc);
        k.items = items;
        k.minItems = 1;
        return k;
    }

    Key dflt(Object v) { dflt = v; return this; }
    Key range(Number min, Number max) { minimum = min; maximum = max; return this; }
    /** Above {@code min} (not equal), at most {@code max}. */
    Key above(Number min, Number max) { minimum = min; maximum = max; exclusiveMinimum = true; return this; }
    Key pattern(String regex) { pattern = regex; return this; }
    Key oneOf(List<String> allowed) { values = List.copyOf(allowed); return this; }
    Key required() { required = true; return this; }
    /** Its value is never shown in a problem: a credential, or where one is pasted by mistake. */
    Key hidden() { hidden = true; return this; }
    /** What a valid value is, in words, after the value: {@code region: "x" is not a region id like cn-hangzhou}. */
    Key expecting(String words) { expectation = words; return this; }
    /** How a key of this mapping that is not declared is called (default: unknown key). */
    Key unknownKeysAre(String words) { unknownKey = words; return this; }

    Optional<Object> defaultValue() { return Optional.ofNullable(dflt); }
    Optional<Number> minimum() { return Optional.ofNullable(minimum); }
    Optional<Number> maximum() { return Optional.ofNullable(maximum); }
    boolean isRequired() { return required; }
    boolean isHidden() { return hidden; }
    Map<String, Key> fields() { return fields; }
    Optional<Key> items() { return Optional.ofNullable(items); }
    String unknownKey() { return unknownKey; }
    List<String> values() { return values; }

    /** What a valid value is, in words. */
    String expectation() {
        if (expectation != null) {
            return expectation;
        }
        if (!values.isEmpty()) {
            return "is not one of: " + String.join(", ", values);
        }
        switch (type) {
            case INTEGER:
                return "must be a whole number" + (minimum == null ? "" : " " + minimum + ".." + maximum);
            case NUMBER:
                return "must be a number" + (minimum == null ? "" : (exclusiveMinimum ? " above " : " from ") + minimum
                        + " and at most " + maximum);
            case BOOLEAN:
                return "must be true or false";
            case OBJECT:
                return "must be a mapping (" + String.join(", ", fields.keySet()) + ")";
            case ARRAY:
                return "must be a non-empty list";
            default:
                return "must be a string";
        }
    }

    /** This key as JSON Schema (draft-07), with its doc as the description editors show. */
    JsonObject toJsonSchema() {
        JsonObject s = new JsonObject();
        s.addProperty("description", doc);
        s.addProperty("type", type.json);
        if (dflt != null) {
            if (dflt instanceof Number) {
                s.addProperty("default", (Number) dflt);
            } else if (dflt instanceof Boolean) {
                s.addProperty("default", (Boolean) dflt);
            } else {
                s.addProperty("default", String.valueOf(dflt));
            }
        }
        if (minimum != null) {
            s.addProperty(exclusiveMinimum ? "exclusiveMinimum" : "minimum", minimum);
            s.addProperty("maximum", maximum);
        }
        if (pattern != null) {
            s.addProperty("pattern", "^(?:" + pattern + ")$");
        }
        if (!values.isEmpty()) {
            JsonArray e = new JsonArray();
            values.forEach(e::add);
            s.add("enum", e);
        }
        if (type == Type.OBJECT) {
            JsonObject properties = new JsonObject();
            JsonArray req = new JsonArray();
            fields.values().forEach(f -> {
                properties.add(f.name, f.toJsonSchema());
                if (f.required) {
                    req.add(f.name);
                }
            });
            s.add("properties", properties);
            if (req.size() > 0) {
                s.add("required", req);
            }
            s.addProperty("additionalProperties", false);
        }
        if (items != null) {
            s.add("items", items.toJsonSchema());
            s.addProperty("minItems", minItems);
        }
        return s;
    }

    /** The key at {@code path} below this one (field names, list indexes), or empty. */
    Optional<Key> at(List<Object> path) {
        Key k = this;
        for (Object step : path) {
            Key next = step instanceof Integer ? k.items : k.fields.get(String.valueOf(step));
            if (next == null) {
                return Optional.empty();
            }
            k = next;
        }
        return Optional.of(k);
    }

    /** The names of the keys of this mapping, for an unknown key's problem. */
    List<String> fieldNames() {
        return new ArrayList<>(fields.keySet());
    }
}
