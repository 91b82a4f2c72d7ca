package com.clbsync.kube;

import com.clbsync.redact.Redactor;
import com.clbsync.sync.ServiceEvent;
import com.clbsync.sync.ServiceEvents;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import okhttp3.Call;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Events on Services through client-java, de-duplicated across runs as kubectl's recorder does: the
 * Event's name derives from the Service, the reason and the outcome (never a request id), so the same
 * outcome again finds the existing Event (409 on create), which gets its count, last timestamp and
 * latest message updated. The Event
 * names the Service by its UID too: {@code kubectl describe svc} selects Events by it (the run's read
 * gives it; else the Service is got for it). Every call is bounded by the time the run gives the
 * Event, not by the cluster's timeout. Needs get on services, and create, get and update on events.
 * The Event is plain JSON: client-java's generated models cost a cold start their whole graph.
 */
public final class KubeServiceEvents implements ServiceEvents {
    static final String COMPONENT = "clb-sync";
    private final ApiClient client;
    private final Clock clock;

    public KubeServiceEvents(ApiClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public void record(ServiceEvent e, Duration within) throws ApiException, TimedOut {
        Instant end = clock.instant().plus(within);
        String namespace = e.service().namespace();
        String name = name(e);
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String uid = e.uid().isEmpty() ? uidOf(namespace, e.service().name(), end) : e.uid();
        JsonObject involved = object("apiVersion", "v1", "kind", "Service", "namespace", namespace, "name", e.service().name());
        if (uid != null) {
            involved.addProperty("uid", uid);
        }
        JsonObject event = object("apiVersion", "v1", "kind", "Event", "type", e.type().name(), "reason", e.reason(),
                "message", message(e), "reportingComponent", COMPONENT, "firstTimestamp", now, "lastTimestamp", now);
        event.add("metadata", object("name", name, "namespace", namespace));
        event.add("involvedObject", involved);
        event.add("source", object("component", COMPONENT));
        event.addProperty("count", 1);
        String events = "/api/v1/namespaces/" + client.escapeString(namespace) + "/events";
        try {
            execute(call("POST", events, event), end);
        } catch (ApiException created) {
            if (created.getCode() != 409) {
                throw created;
            }
            String path = events + "/" + client.escapeString(name);
            JsonObject existing = execute(call("GET", path, null), end);
            JsonElement count = existing.get("count");
            existing.addProperty("count", (count == null || count.isJsonNull() ? 1 : count.getAsInt()) + 1);
            existing.addProperty("lastTimestamp", now);
            existing.add("message", event.get("message"));
            execute(call("PUT", path, existing), end);
        }
    }

    private static JsonObject object(String... keysAndValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.addProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return o;
    }

    /** A call on the cluster's client, its body (if any) JSON, authenticated as every other. */
    private Call call(String method, String path, JsonObject body) throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return client.buildCall(client.getBasePath(), path, method, new ArrayList<>(), new ArrayList<>(), body, headers,
                new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null);
    }

    /** One call, bounded by what is left until {@code end} (okhttp's call timeout: connect, write and read). */
    private JsonObject execute(Call call, Instant end) throws ApiException, TimedOut {
        long left = Duration.between(clock.instant(), end).toMillis();
        if (left <= 0) {
            throw new TimedOut("no time left for the Event's calls");
        }
        call.timeout().timeout(left, TimeUnit.MILLISECONDS);
        try {
            return client.<JsonObject>execute(call, JsonObject.class).getData();
        } catch (ApiException x) {
            if (x.getCode() == 0 && x.getCause() instanceof InterruptedIOException) {
                throw new TimedOut("the Event API did not answer within " + Duration.ofMillis(left).toSeconds() + " s");
            }
            throw x;
        }
    }

    /** The Event's message, through the redactor, at most 1,024 characters. */
    static String message(ServiceEvent e) {
        String m = Redactor.redact(e.message());
        return m.length() > 1024 ? m.substring(0, 1021) + "..." : m;
    }

    /** The Service's UID, or null when it is gone (a Warning about a deleted Service still goes out). */
    private String uidOf(String namespace, String service, Instant end) throws ApiException, TimedOut {
        try {
            JsonObject s = execute(call("GET", "/api/v1/namespaces/" + client.escapeString(namespace) + "/services/"
                    + client.escapeString(service), null), end);
            JsonElement meta = s == null ? null : s.get("metadata");
            JsonElement uid = meta == null || !meta.isJsonObject() ? null : meta.getAsJsonObject().get("uid");
            return uid == null || uid.isJsonNull() ? null : uid.getAsString();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** {@code <service>.<16 hex digits of SHA-256 of type, reason and outcome>}: the same outcome, the same Event. */
    static String name(ServiceEvent e) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((e.type() + "\n" + e.reason() + "\n" + e.outcome())
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            String prefix = e.service().name().length() > 200 ? e.service().name().substring(0, 200) : e.service().name();
            return prefix + "." + hex;
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", x);
        }
    }
}
