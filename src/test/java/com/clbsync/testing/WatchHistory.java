package com.clbsync.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.mockwebserver.http.MockResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Watches for the fake API server, as a real one serves them over HTTP: every list answer of Services,
 * EndpointSlices and Nodes carries a resourceVersion (the count of writes so far) and is remembered; a
 * watch from one of those answers with the objects added, modified and deleted since (one JSON event per
 * line), then a BOOKMARK at the present version. On demand: a compacted history (an ERROR event, 410), a
 * watch cut short mid-stream, or no bookmark before the watch ends.
 */
final class WatchHistory {
    /** The lists clb-sync reads in full, by their collection path. */
    enum Kind {
        SERVICES("/api/v1/services", "Service"),
        SLICES("/apis/discovery.k8s.io/v1/endpointslices", "EndpointSlice"),
        NODES("/api/v1/nodes", "Node");

        final String path;
        final String kind;

        Kind(String path, String kind) {
            this.path = path;
            this.kind = kind;
        }

        static Optional<Kind> ofCollection(String path) {
            String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            for (Kind k : values()) {
                if (k.path.equals(p)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private final AtomicLong version = new AtomicLong(1000);
    private final Map<Kind, Map<String, Map<String, JsonObject>>> seen = new ConcurrentHashMap<>();
    private final AtomicInteger watches = new AtomicInteger();
    volatile boolean compacted;
    volatile boolean cutShort;
    volatile boolean noBookmark;
    volatile boolean failMidway;

    static boolean isWatch(String path) {
        return path.contains("watch=true");
    }

    /** A write happened: the present version moves on. */
    void written() {
        version.incrementAndGet();
    }

    int watches() {
        return watches.get();
    }

    /** A list answer, stamped with the present version and remembered as the state at it. */
    MockResponse listed(Kind kind, MockResponse answer) {
        if (answer.code() != 200 || answer.getBody() == null) {
            return answer;
        }
        JsonObject list = JsonParser.parseString(new String(answer.getBody().getBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        String at = Long.toString(version.get());
        JsonObject meta = list.has("metadata") ? list.getAsJsonObject("metadata") : new JsonObject();
        meta.addProperty("resourceVersion", at);
        list.add("metadata", meta);
        seen.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(at, byKey(list));
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(list.toString());
    }

    /** A watch from {@code path}'s resourceVersion: the changes since, to the list {@code now} answers. */
    MockResponse watch(Kind kind, String path, Supplier<MockResponse> now) {
        watches.incrementAndGet();
        String from = param(path, "resourceVersion");
        Map<String, JsonObject> before = seen.getOrDefault(kind, Map.of()).get(from);
        StringBuilder lines = new StringBuilder();
        if (compacted || before == null) {
            lines.append("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"too old resource version\",\"reason\":\"Expired\",\"code\":410}}\n");
            return stream(lines);
        }
        String at = Long.toString(version.get());
        JsonObject list = JsonParser.parseString(new String(now.get().getBody().getBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, JsonObject> after = byKey(list);
        seen.get(kind).put(at, after);
        after.forEach((key, o) -> {
            JsonObject was = before.get(key);
            if (was == null || !was.equals(o)) {
                lines.append(event(was == null ? "ADDED" : "MODIFIED", kind, o));
            }
        });
        before.forEach((key, o) -> {
            if (!after.containsKey(key)) {
                lines.append(event("DELETED", kind, o));
            }
        });
        if (failMidway) {
            lines.append("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"etcd leader changed\",\"reason\":\"InternalError\",\"code\":500}}\n");
        } else if (cutShort) {
            lines.append("{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"").append(kind.kind).append("\",\"metadata\":{\"na");
        } else if (!noBookmark) {
            lines.append("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"").append(kind.kind)
                    .append("\",\"metadata\":{\"resourceVersion\":\"").append(at).append("\"}}}\n");
        }
        return stream(lines);
    }

    private static String event(String type, Kind kind, JsonObject o) {
        JsonObject copy = o.deepCopy();
        copy.addProperty("kind", kind.kind);
        return "{\"type\":\"" + type + "\",\"object\":" + copy + "}\n";
    }

    private static MockResponse stream(StringBuilder lines) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(lines.toString());
    }

    private static Map<String, JsonObject> byKey(JsonObject list) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        JsonElement items = list.get("items");
        if (items instanceof JsonArray) {
            for (JsonElement i : items.getAsJsonArray()) {
                JsonObject meta = i.getAsJsonObject().getAsJsonObject("metadata");
                JsonElement namespace = meta.get("namespace");
                String ns = namespace == null || namespace.isJsonNull() ? "" : namespace.getAsString() + "/";
                out.put(ns + meta.get("name").getAsString(), i.getAsJsonObject());
            }
        }
        return out;
    }

    private static String param(String path, String name) {
        int q = path.indexOf('?');
        if (q < 0) {
            return "";
        }
        for (String kv : path.substring(q + 1).split("&")) {
            if (kv.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(kv.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
