package com.clbsync.kube;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Reads a bounded watch's answer as it streams in (one JSON event per line): every object added,
 * modified or deleted since the requested resourceVersion, each reduced as a list's items are
 * ({@link ListStream}), until the first BOOKMARK, whose resourceVersion says everything up to it has
 * come. Anything else (an ERROR event such as 410 for a compacted history, an event type not known,
 * an answer cut short, no bookmark before the server ends the watch) is a failure: the caller lists in
 * full, since it cannot know that every change came.
 */
final class WatchStream {
    private WatchStream() {
    }

    /** The objects changed since the watch's resourceVersion (by key; empty: deleted) and the bookmark's. */
    static final class Changes<V> {
        final Map<String, Optional<V>> changed;
        final String bookmark;

        Changes(Map<String, Optional<V>> changed, String bookmark) {
            this.changed = changed;
            this.bookmark = bookmark;
        }
    }

    static <V> Changes<V> read(String what, Response response, Function<Map<?, ?>, V> map, Function<V, String> key,
                               LongAdder bytes) throws ClusterReadException {
        try (response) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new ClusterReadException(what + ": HTTP " + response.code(), response.code() == 410
                        ? ClusterReadException.Kind.EXPIRED : ClusterReadException.Kind.OTHER);
            }
            JsonReader json = new JsonReader(new InputStreamReader(new Counted(body.byteStream(), bytes), StandardCharsets.UTF_8));
            json.setLenient(true); // one JSON document per line
            Map<String, Optional<V>> changed = new LinkedHashMap<>();
            while (!atEnd(json)) {
                String type = "";
                Map<?, ?> object = null;
                json.beginObject();
                while (json.hasNext()) {
                    String name = json.nextName();
                    if (name.equals("type") && json.peek() == JsonToken.STRING) {
                        type = json.nextString();
                    } else if (name.equals("object") && json.peek() == JsonToken.BEGIN_OBJECT) {
                        object = (Map<?, ?>) ListStream.reduced(json, "");
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
                if (object == null) {
                    throw new ClusterReadException(what + ": a watch event without an object");
                }
                switch (type) {
                    case "ADDED":
                    case "MODIFIED": {
                        V v = map.apply(object);
                        changed.put(key.apply(v), Optional.of(v));
                        break;
                    }
                    case "DELETED":
                        changed.put(key.apply(map.apply(object)), Optional.empty());
                        break;
                    case "BOOKMARK":
                        return new Changes<>(changed, versionOf(what, object));
                    case "ERROR":
                        throw error(what, object);
                    default:
                        throw new ClusterReadException(what + ": an unexpected watch event (" + (type.isEmpty() ? "no type"
                                : type) + ")");
                }
            }
            throw new ClusterReadException(what + ": the watch ended without a bookmark, so whether every change came is"
                    + " not known");
        } catch (IOException | IllegalStateException | JsonParseException e) {
            throw new ClusterReadException(what + ": the watch was cut short or unreadable (" + e.getClass().getSimpleName()
                    + ")");
        } catch (RuntimeException e) {
            throw new ClusterReadException(what + ": an object of the watch could not be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /** Whether the answer ends here (between events: an empty answer, or the last line read). */
    private static boolean atEnd(JsonReader json) throws IOException {
        try {
            return json.peek() == JsonToken.END_DOCUMENT;
        } catch (java.io.EOFException e) {
            return true;
        }
    }

    private static String versionOf(String what, Map<?, ?> object) throws ClusterReadException {
        String v = KubeObjects.string(KubeObjects.map(object, "metadata"), "resourceVersion");
        if (v.isEmpty()) {
            throw new ClusterReadException(what + ": a bookmark without a resourceVersion");
        }
        return v;
    }

    /** An ERROR event: its Status says why (410: the history since the resourceVersion is compacted). */
    private static ClusterReadException error(String what, Map<?, ?> status) {
        Object code = status.get("code");
        int c = code instanceof Number ? ((Number) code).intValue() : 0;
        String r = KubeObjects.string(status, "reason").isEmpty() ? "" : " " + KubeObjects.string(status, "reason");
        return new ClusterReadException(what + ": the watch answered " + c + r + (c == 410
                ? " (the history since the snapshot is compacted)" : ""), c == 410 ? ClusterReadException.Kind.EXPIRED
                : ClusterReadException.Kind.OTHER);
    }
}
