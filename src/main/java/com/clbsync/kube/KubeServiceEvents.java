package com.clbsync.kube;

import com.clbsync.redact.Redactor;
import com.clbsync.sync.ServiceEvent;
import com.clbsync.sync.ServiceEvents;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Service;

import okhttp3.Call;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Events on Services through client-java, de-duplicated across runs as kubectl's recorder does: the
 * Event's name derives from the Service, the reason and the outcome (never a request id), so the same
 * outcome again finds the existing Event (409 on create), which gets its count, last timestamp and
 * latest message updated. The Event
 * names the Service by its UID too: {@code kubectl describe svc} selects Events by it (the run's read
 * gives it; else the Service is got for it). Every call is bounded by the time the run gives the
 * Event, not by the cluster's timeout. Needs get on services, and create, get and update on events.
 */
public final class KubeServiceEvents implements ServiceEvents {
    static final String COMPONENT = "clb-sync";
    private final ApiClient client;
    private final CoreV1Api core;
    private final Clock clock;

    public KubeServiceEvents(ApiClient client, Clock clock) {
        this.client = client;
        this.core = new CoreV1Api(client);
        this.clock = clock;
    }

    @Override
    public void record(ServiceEvent e, Duration within) throws ApiException, TimedOut {
        Instant end = clock.instant().plus(within);
        String namespace = e.service().namespace();
        String name = name(e);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        String uid = e.uid().isEmpty() ? uidOf(namespace, e.service().name(), end) : e.uid();
        CoreV1Event event = new CoreV1Event().apiVersion("v1").kind("Event")
                .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                .involvedObject(new V1ObjectReference().apiVersion("v1").kind("Service").namespace(namespace)
                        .name(e.service().name()).uid(uid))
                .type(e.type().name()).reason(e.reason())
                .message(message(e))
                .source(new V1EventSource().component(COMPONENT)).reportingComponent(COMPONENT)
                .firstTimestamp(now).lastTimestamp(now).count(1);
        try {
            execute(core.createNamespacedEvent(namespace, event).buildCall(null), CoreV1Event.class, end);
        } catch (ApiException created) {
            if (created.getCode() != 409) {
                throw created;
            }
            CoreV1Event existing = execute(core.readNamespacedEvent(name, namespace).buildCall(null), CoreV1Event.class, end);
            existing.count((existing.getCount() == null ? 1 : existing.getCount()) + 1).lastTimestamp(now)
                    .message(event.getMessage());
            execute(core.replaceNamespacedEvent(name, namespace, existing).buildCall(null), CoreV1Event.class, end);
        }
    }

    /** One call, bounded by what is left until {@code end} (okhttp's call timeout: connect, write and read). */
    private <T> T execute(Call call, Class<T> type, Instant end) throws ApiException, TimedOut {
        long left = Duration.between(clock.instant(), end).toMillis();
        if (left <= 0) {
            throw new TimedOut("no time left for the Event's calls");
        }
        call.timeout().timeout(left, TimeUnit.MILLISECONDS);
        try {
            return client.<T>execute(call, type).getData();
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
            V1Service s = execute(core.readNamespacedService(service, namespace).buildCall(null), V1Service.class, end);
            return s.getMetadata() == null ? null : s.getMetadata().getUid();
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
