package com.clbsync.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import dev.harrel.jsonschema.Dialects;
import dev.harrel.jsonschema.Error;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.GsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a configuration document against {@link ConfigSchema}'s JSON Schema (harrel's validator, on
 * the Gson trees the jar has anyway) and words every problem from the key's own declaration, with its path
 * ({@code clusters[1].server}): the validator's own texts are never shown, and a hidden key's value never is.
 */
final class SchemaCheck {
    /** The schema is built from the declarations, not read: it is checked against draft-07 in the tests, not at each start. */
    private static final Validator VALIDATOR = new ValidatorFactory().withDefaultDialect(new Dialects.Draft7Dialect())
            .withJsonNodeFactory(new GsonNode.Factory()).withDisabledSchemaValidation(true).createValidator();
    private static final URI SCHEMA = VALIDATOR.registerSchema(ConfigSchema.jsonSchema());
    /** The keyword whose problem is said first when a value has several (a wrong type makes the rest moot). */
    private static final List<String> ORDER = List.of("type", "required", "additionalProperties", "minItems");

    private SchemaCheck() {
    }

    /** Every problem of {@code document} (as SnakeYAML loaded it), one per place, in document order. */
    static List<String> problems(Object document) {
        // nulls kept: "cacheSeconds: null" is a wrong value, not a missing key
        JsonElement tree = new GsonBuilder().serializeNulls().create().toJsonTree(document);
        List<Error> errors = new ArrayList<>(VALIDATOR.validate(SCHEMA, tree).getErrors());
        errors.sort(Comparator.comparing(SchemaCheck::mapping)
                .thenComparing(e -> ORDER.contains(keyword(e)) ? ORDER.indexOf(keyword(e)) : ORDER.size())
                .thenComparing(Error::getInstanceLocation));
        Map<String, String> byPlace = new LinkedHashMap<>();
        for (Error e : errors) {
            List<Object> path = new ArrayList<>();
            Object value = walk(e.getInstanceLocation(), document, path);
            String at = text(path);
            switch (keyword(e)) {
                case "required":
                    ConfigSchema.ROOT.at(path).ifPresent(k -> k.fields().values().stream()
                            .filter(f -> f.isRequired() && !(value instanceof Map && ((Map<?, ?>) value).containsKey(f.name)))
                            .forEach(f -> byPlace.putIfAbsent(join(at, f.name), join(at, f.name) + ": required")));
                    break;
                case "additionalProperties": {
                    Key owner = ConfigSchema.ROOT.at(path.subList(0, path.size() - 1)).orElse(ConfigSchema.ROOT);
                    String unknown = owner.unknownKey();
                    byPlace.putIfAbsent(at, at + ": " + unknown + (unknown.equals("unknown key") ? " (known: "
                            + String.join(", ", owner.fieldNames().stream().sorted().toArray(String[]::new)) + ")" : ""));
                    break;
                }
                default:
                    byPlace.putIfAbsent(at, at + ": " + wrong(ConfigSchema.ROOT.at(path), keyword(e), value));
            }
        }
        return new ArrayList<>(byPlace.values());
    }

    /** Where a problem is said: an unknown key with its mapping, before the problems of the mapping's values. */
    private static String mapping(Error e) {
        String at = e.getInstanceLocation();
        return keyword(e).equals("additionalProperties") ? at.substring(0, at.lastIndexOf('/')) : at;
    }

    /** The keyword that failed; a key no mapping declares fails the {@code additionalProperties: false} schema. */
    private static String keyword(Error e) {
        if (e.getKeyword() != null) {
            return e.getKeyword();
        }
        return e.getEvaluationPath().endsWith("/additionalProperties") ? "additionalProperties" : "";
    }

    /** What is wrong with a value, in its key's words; a hidden key's value by its kind only. */
    private static String wrong(Optional<Key> key, String keyword, Object value) {
        if (key.isEmpty()) {
            return "not valid";
        }
        Key k = key.get();
        boolean type = keyword.equals("type");
        if (k.isHidden()) {
            String kind = Values.kindOf(value);
            return type ? (k.expectation().startsWith("must be a string") ? k.expectation() : "must be a string") + ", not "
                    + kind + " (not shown)" : k.expectation() + " (" + kind + " given; not shown)";
        }
        String raw = value instanceof String ? (String) value : new Gson().toJson(value);
        switch (k.type) {
            case INTEGER:
            case BOOLEAN:
                return k.expectation() + ", not " + raw;
            case OBJECT:
            case ARRAY:
                return k.expectation();
            case STRING:
                return type ? "must be a string, not " + raw : "\"" + raw + "\" " + k.expectation();
            default:
                return "\"" + raw + "\" " + k.expectation();
        }
    }

    /**
     * The value at a JSON pointer ({@code /clusters/1/server}) of the document, or null; its steps are added
     * to {@code path} as names and list indexes (a step is an index where the document has a list).
     */
    private static Object walk(String pointer, Object document, List<Object> path) {
        Object v = document;
        for (String step : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String name = step.replace("~1", "/").replace("~0", "~");
            path.add(v instanceof List ? (Object) Integer.valueOf(name) : name);
            v = v instanceof List ? ((List<?>) v).get(Integer.parseInt(name)) : v instanceof Map ? ((Map<?, ?>) v).get(name) : null;
        }
        return v;
    }

    /** {@code clusters[1].server}: names joined by dots, indexes in brackets. */
    private static String text(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer) {
                sb.append('[').append(step).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(step);
            }
        }
        return sb.toString();
    }

    private static String join(String at, String property) {
        return at.isEmpty() ? property : at + "." + property;
    }
}
