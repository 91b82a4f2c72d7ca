package com.clbsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a configuration document against {@link ConfigSchema}'s JSON Schema (networknt's validator)
 * and words every problem from the key's own declaration, with its path ({@code clusters[1].server}):
 * the validator's own texts are never shown, and a hidden key's value never is.
 */
final class SchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(toNode(ConfigSchema.jsonSchemaText()));
    /** The keyword whose problem is said first when a value has several (a wrong type makes the rest moot). */
    private static final List<String> ORDER = List.of("type", "required", "additionalProperties", "minItems");

    private SchemaCheck() {
    }

    /** Every problem of {@code document} (as SnakeYAML loaded it), one per place, in document order. */
    static List<String> problems(Object document) {
        List<ValidationMessage> messages = new ArrayList<>(SCHEMA.validate(JSON.valueToTree(document)));
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(m -> ORDER.contains(m.getType()) ? ORDER.indexOf(m.getType()) : ORDER.size()));
        Map<String, String> byPlace = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            List<Object> path = path(m.getInstanceLocation());
            String at = text(path);
            switch (m.getType()) {
                case "required":
                    byPlace.putIfAbsent(join(at, m.getProperty()), join(at, m.getProperty()) + ": required");
                    break;
                case "additionalProperties": {
                    Key owner = ConfigSchema.ROOT.at(path).orElse(ConfigSchema.ROOT);
                    String unknown = owner.unknownKey();
                    byPlace.putIfAbsent(join(at, m.getProperty()), join(at, m.getProperty()) + ": " + unknown
                            + (unknown.equals("unknown key") ? " (known: " + String.join(", ", owner.fieldNames().stream()
                            .sorted().toArray(String[]::new)) + ")" : ""));
                    break;
                }
                default:
                    byPlace.putIfAbsent(at, at + ": " + wrong(ConfigSchema.ROOT.at(path), m.getType(), m.getInstanceNode()));
            }
        }
        return new ArrayList<>(byPlace.values());
    }

    /** What is wrong with a value, in its key's words; a hidden key's value by its kind only. */
    private static String wrong(Optional<Key> key, String keyword, JsonNode value) {
        if (key.isEmpty()) {
            return "not valid";
        }
        Key k = key.get();
        boolean type = keyword.equals("type");
        if (k.isHidden()) {
            String kind = Values.kindOf(JSON.convertValue(value, Object.class));
            return type ? (k.expectation().startsWith("must be a string") ? k.expectation() : "must be a string") + ", not "
                    + kind + " (not shown)" : k.expectation() + " (" + kind + " given; not shown)";
        }
        String raw = value.isTextual() ? value.asText() : value.toString();
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

    private static List<Object> path(JsonNodePath p) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getNameCount(); i++) {
            out.add(p.getElement(i));
        }
        return out;
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

    private static JsonNode toNode(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the declared schema is not JSON", e);
        }
    }
}
