package com.clbsync.kube;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.kubernetes.client.openapi.ApiException;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a Kubernetes list response as it streams in: one item at a time, each reduced while it is read
 * to what clb-sync looks at (no {@code managedFields}, no annotations but the load balancer's, no node
 * images or info), then mapped to our own value. A page is never held whole, as text or as objects, so
 * a tenant's 250 KB annotations cost nothing and 5,000 real-sized Nodes fit a small heap.
 */
final class ListStream {
    static final String KEPT_ANNOTATIONS = "service.beta.kubernetes.io/";
    /** The error body kept for an exception (a Status is small; anything more is not needed). */
    private static final int MAX_ERROR_BODY = 4_096;

    private ListStream() {
    }

    /** The end of a page: the list's continue token (null on the last page) and its resourceVersion. */
    static final class PageEnd {
        final String continueToken;
        final String resourceVersion;

        PageEnd(String continueToken, String resourceVersion) {
            this.continueToken = continueToken;
            this.resourceVersion = resourceVersion;
        }
    }

    /**
     * Executes one list call, hands each item, reduced and mapped, to {@code sink}, adds the bytes of the
     * answer to {@code bytes}, and returns where the page ends.
     */
    static <V> PageEnd read(Call call, Function<Map<?, ?>, V> map, Consumer<V> sink, LongAdder bytes) throws ApiException {
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            failUnlessSuccessful(response);
            if (body == null) {
                return new PageEnd(null, "");
            }
            JsonReader json = new JsonReader(new InputStreamReader(new Counted(body.byteStream(), bytes), StandardCharsets.UTF_8));
            String cont = null;
            String version = "";
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (name.equals("metadata") && json.peek() == JsonToken.BEGIN_OBJECT) {
                    Map<?, ?> meta = (Map<?, ?>) reduced(json, "metadata");
                    cont = KubeObjects.string(meta, "continue");
                    cont = cont.isEmpty() ? null : cont;
                    version = KubeObjects.string(meta, "resourceVersion");
                } else if (name.equals("items") && json.peek() == JsonToken.BEGIN_ARRAY) {
                    json.beginArray();
                    while (json.hasNext()) {
                        Object item = reduced(json, "");
                        sink.accept(map.apply(item instanceof Map ? (Map<?, ?>) item : Map.of()));
                    }
                    json.endArray();
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            return new PageEnd(cont, version);
        } catch (IOException | IllegalStateException | com.google.gson.JsonParseException e) {
            throw new ApiException(e); // no answer, a cut answer or a malformed one: a transient failure (code 0)
        }
    }

    /** One object's answer (a get), read whole as plain maps; its bytes added to {@code bytes}. */
    static Map<?, ?> object(Call call, LongAdder bytes) throws ApiException {
        try (Response response = call.execute()) {
            failUnlessSuccessful(response);
            ResponseBody body = response.body();
            if (body == null) {
                return Map.of();
            }
            Object o = reduced(new JsonReader(new InputStreamReader(new Counted(body.byteStream(), bytes),
                    StandardCharsets.UTF_8)), "");
            return o instanceof Map ? (Map<?, ?>) o : Map.of();
        } catch (IOException | IllegalStateException | com.google.gson.JsonParseException e) {
            throw new ApiException(e);
        }
    }

    /** An answer that is not a success, as client-java reports it: its code, headers and the start of its body. */
    private static void failUnlessSuccessful(Response response) throws ApiException, IOException {
        if (!response.isSuccessful()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.source().readUtf8(Math.min(MAX_ERROR_BODY,
                    Math.max(0, body.contentLength() < 0 ? MAX_ERROR_BODY : body.contentLength())));
            throw new ApiException(response.code(), response.headers().toMultimap(), text);
        }
    }

    /**
     * The value at {@code path} (dotted, from the item) as plain Java (maps, lists, strings, numbers,
     * booleans, null), with what clb-sync never reads skipped unread.
     */
    static Object reduced(JsonReader json, String path) throws IOException {
        switch (json.peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> o = new LinkedHashMap<>();
                json.beginObject();
                while (json.hasNext()) {
                    String name = json.nextName();
                    if (skipped(path, name)) {
                        json.skipValue();
                    } else {
                        o.put(name, reduced(json, path.isEmpty() ? name : path + "." + name));
                    }
                }
                json.endObject();
                return o;
            }
            case BEGIN_ARRAY: {
                List<Object> a = new ArrayList<>();
                json.beginArray();
                while (json.hasNext()) {
                    a.add(reduced(json, path));
                }
                json.endArray();
                return a;
            }
            case STRING:
                return json.nextString();
            case NUMBER: {
                String n = json.nextString();
                try {
                    return Long.parseLong(n);
                } catch (NumberFormatException e) {
                    return Double.parseDouble(n);
                }
            }
            case BOOLEAN:
                return json.nextBoolean();
            case NULL:
                json.nextNull();
                return null;
            default:
                throw new IOException("unexpected " + json.peek() + " at " + json.getPath());
        }
    }

    /** Whether the member {@code name} of the object at {@code path} is never read by clb-sync. */
    static boolean skipped(String path, String name) {
        switch (path) {
            case "metadata":
                return name.equals("managedFields");
            case "metadata.annotations":
                return !name.startsWith(KEPT_ANNOTATIONS);
            case "status":
                return name.equals("images") || name.equals("nodeInfo") || name.equals("volumesAttached")
                        || name.equals("volumesInUse");
            default:
                return false;
        }
    }
}
