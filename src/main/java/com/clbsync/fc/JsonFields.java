package com.clbsync.fc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading fields of an event's JSON: a missing field is empty, an empty string is present and empty. */
final class JsonFields {
    private JsonFields() {
    }

    /** The field as text (a number or boolean too), or empty when it is missing, null or not a scalar. */
    static Optional<String> string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }

    /** The field as an object, or empty. */
    static Optional<JsonObject> object(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    }

    /** A list of strings; missing or null is an empty list; anything else is an error naming the field. */
    static List<String> strings(JsonObject o, String field) throws EventException {
        List<String> out = new ArrayList<>();
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (!e.isJsonArray()) {
            throw new EventException(field + ": must be a list of strings");
        }
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive()) {
                throw new EventException(field + ": must be a list of strings");
            }
            out.add(item.getAsString());
        }
        return out;
    }

    /** The field as an RFC 3339 time, or empty when absent or unreadable. */
    static Optional<Instant> time(JsonObject o, String field) {
        return time(string(o, field).orElse(null));
    }

    /** An RFC 3339 time, or empty when absent or unreadable. */
    static Optional<Instant> time(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
