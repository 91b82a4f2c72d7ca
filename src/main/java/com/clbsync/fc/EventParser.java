package com.clbsync.fc;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.ObjectKind;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncScope;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises the events that wake the function and turns each into a {@link Trigger}: timer (full),
 * EventBridge events from ACK (single, batch, RawData), Log Service triggers on ACK audit logs
 * (records pulled and narrowed; the whole cluster when that fails) and manual events.
 */
public final class EventParser {
    public static final String ACCEPTED = "accepted events: a timer trigger {\"triggerTime\",\"triggerName\",\"payload\"};"
            + " an EventBridge event from ACK (source \"acs.cs\"; one CloudEvent, a batch array, or RawData: the data only);"
            + " a Log Service trigger {\"source\":{\"endpoint\",\"projectName\",\"logstoreName\",\"shardId\",\"beginCursor\",\"endCursor\"}};"
            + " a manual event {\"action\":\"plan\"|\"apply\",\"clusters\":[names],\"services\":[\"namespace/name\"]}";
    private static final Pattern SUBJECT = Pattern.compile("acs:cs:[^:]*:[^:]*:([^/]+)(/.*)?");
    private static final Pattern PATH = Pattern.compile("/apis?(?:/[^/]+)?/v[^/]*(?:/namespaces/([^/]+))?/([^/]+)/([^/]+)");
    private static final Pattern LOGSTORE = Pattern.compile("audit-([a-z0-9]+)");
    private static final Pattern PROJECT = Pattern.compile("k8s-log-([a-z0-9]+)");

    private final SyncConfig config;
    public EventParser(SyncConfig config) {
        this.config = config;
    }

    /** The trigger an event is; a Log Service event names its cursor range, which {@link AuditLogScope} narrows. */
    public Trigger parse(byte[] event) throws EventException {
        try {
            return parseJson(event);
        } catch (RuntimeException e) {
            throw new EventException("the event could not be read (" + e.getClass().getSimpleName() + "); " + ACCEPTED);
        }
    }

    private Trigger parseJson(byte[] event) throws EventException {
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(event, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new EventException("the event is not JSON; " + ACCEPTED);
        }
        Trigger t = shape(root);
        return t.kind().equals("manual") || t.kind().equals("check") || !asksForPlan(root) ? t : t.asPlan();
    }

    /**
     * Whether an event of any shape says {@code "action": "plan"} (a batch: every element of it): try an
     * event without applying it ({@code invoke --plan} adds it).
     */
    private static boolean asksForPlan(JsonElement root) throws EventException {
        List<JsonElement> all = new ArrayList<>();
        if (root.isJsonArray()) {
            root.getAsJsonArray().forEach(all::add);
        } else {
            all.add(root);
        }
        boolean plan = !all.isEmpty();
        for (JsonElement e : all) {
            String action = e.isJsonObject() ? text(e.getAsJsonObject(), "action") : "";
            if (!action.isEmpty() && !action.equals("plan") && !action.equals("apply")) {
                throw new EventException("action \"" + action + "\" must be \"plan\" or \"apply\"");
            }
            plan &= action.equals("plan");
        }
        return plan;
    }

    private Trigger shape(JsonElement root) throws EventException {
        if (root.isJsonArray()) {
            return batch(root.getAsJsonArray());
        }
        if (!root.isJsonObject()) {
            throw new EventException("the event is not a JSON object or array; " + ACCEPTED);
        }
        JsonObject o = root.getAsJsonObject();
        if (o.has("triggerTime") && o.has("triggerName")) {
            return Trigger.of("timer", true, SyncScope.full(), List.of("timer " + text(o, "triggerName")))
                    .at(time(text(o, "triggerTime")));
        }
        if (text(o, "source").equals("acs.cs")) {
            return batch(wrap(o));
        }
        if (o.has("involvedObject") && o.get("involvedObject").isJsonObject()) {
            return batch(wrap(o));
        }
        if (o.has("source") && o.get("source").isJsonObject() && o.getAsJsonObject("source").has("logstoreName")) {
            return sls(o.getAsJsonObject("source"));
        }
        if (o.has("action")) {
            return manual(o);
        }
        throw new EventException("the event has no accepted shape; " + ACCEPTED);
    }

    private Trigger batch(JsonArray events) throws EventException {
        if (events.size() == 0) {
            throw new EventException("an empty batch; " + ACCEPTED);
        }
        SyncScope scope = SyncScope.targeted(List.of(), List.of());
        List<String> notes = new ArrayList<>();
        Instant latest = Instant.MIN;
        for (JsonElement e : events) {
            if (!e.isJsonObject()) {
                throw new EventException("a batch element is not an object; " + ACCEPTED);
            }
            scope = scope.and(cloudEvent(e.getAsJsonObject(), notes));
            Instant t = time(text(e.getAsJsonObject(), "time"));
            latest = latest == null || t == null ? null : t.isAfter(latest) ? t : latest;
        }
        return Trigger.of("eventbridge", true, scope, notes).at(latest);
    }

    /** One ACK event: a CloudEvent, or (RawData delivery) the Kubernetes Event alone. */
    private SyncScope cloudEvent(JsonObject e, List<String> notes) throws EventException {
        boolean raw = !e.has("subject") && e.has("involvedObject");
        JsonObject data = raw ? e : data(e);
        if (!raw && !text(e, "source").equals("acs.cs")) {
            notes.add("event " + text(e, "id") + " is not from ACK (source \"" + text(e, "source") + "\"): ignored");
            return SyncScope.targeted(List.of(), List.of());
        }
        List<ClusterConfig> clusters;
        String path = "";
        if (raw) {
            clusters = config.clusters();
            notes.add("RawData event without subject: its object is looked up in every configured cluster");
        } else {
            Matcher m = SUBJECT.matcher(text(e, "subject"));
            if (!m.matches()) {
                throw new EventException("subject \"" + text(e, "subject") + "\" is not acs:cs:<region>:<account>:<clusterId>/...; "
                        + ACCEPTED);
            }
            Optional<ClusterConfig> c = cluster(m.group(1));
            if (c.isEmpty()) {
                notes.add("event from ACK cluster " + m.group(1) + ", which is not configured: nothing to do");
                return SyncScope.targeted(List.of(), List.of());
            }
            clusters = List.of(c.get());
            path = m.group(2) == null ? "" : m.group(2);
        }
        String kind = "";
        String namespace = "";
        String name = "";
        if (data.has("involvedObject") && data.get("involvedObject").isJsonObject()) {
            JsonObject io = data.getAsJsonObject("involvedObject");
            kind = text(io, "kind");
            namespace = text(io, "namespace");
            name = text(io, "name");
        } else {
            Matcher p = PATH.matcher(path);
            if (p.matches()) {
                namespace = p.group(1) == null ? "" : p.group(1);
                kind = ObjectKind.ofResource(p.group(2)).map(ObjectKind::kind).orElse(p.group(2));
                name = p.group(3);
            }
        }
        Optional<ObjectKind> known = ObjectKind.ofKind(kind);
        List<String> wholeClusters = new ArrayList<>();
        List<ObjectRef> objects = new ArrayList<>();
        for (ClusterConfig c : clusters) {
            if (known.isEmpty()) {
                notes.add(c.name() + ": a " + (kind.isEmpty() ? "event without object" : kind + " event")
                        + " does not change backends: nothing to do");
            } else if (known.get().namesAService() || (known.get() == ObjectKind.NODE && !name.isEmpty())) {
                objects.add(ObjectRef.of(c.name(), known.get(), namespace, name)); // a Node: every group its cluster feeds
            } else {
                wholeClusters.add(c.name()); // a Pod, or a Node without a name: every group its cluster feeds, read in full
            }
        }
        if (!objects.isEmpty() || !wholeClusters.isEmpty()) {
            notes.add(clusters.size() == 1 ? clusters.get(0).name() + ": " + kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name
                    : kind + " " + namespace + "/" + name);
        }
        return SyncScope.targeted(wholeClusters, objects);
    }

    private Trigger sls(JsonObject source) throws EventException {
        String logstore = text(source, "logstoreName");
        String project = text(source, "projectName");
        Matcher m = LOGSTORE.matcher(logstore);
        Matcher p = PROJECT.matcher(project);
        String clusterId = m.matches() ? m.group(1) : p.matches() ? p.group(1) : "";
        if (clusterId.isEmpty()) {
            return Trigger.of("sls", true, SyncScope.targeted(List.of(), List.of()), List.of("logstore " + project + "/"
                    + logstore + " is not an ACK audit logstore (audit-<clusterId> in k8s-log-<clusterId>): nothing to do"));
        }
        Optional<ClusterConfig> cluster = cluster(clusterId);
        if (cluster.isEmpty()) {
            return Trigger.of("sls", true, SyncScope.targeted(List.of(), List.of()),
                    List.of("audit log of ACK cluster " + clusterId + ", which is not configured: nothing to do"));
        }
        SlsRange range = SlsRange.of(text(source, "endpoint"), project, logstore,
                source.has("shardId") ? source.get("shardId").getAsInt() : 0, text(source, "beginCursor"), text(source, "endCursor"));
        return Trigger.auditLog(cluster.get().name(), range);
    }

    private Trigger manual(JsonObject o) throws EventException {
        String action = text(o, "action");
        if (action.equals("check")) {
            return Trigger.of("check", false, SyncScope.full(), List.of("manual check: one harmless read per dependency"));
        }
        if (!action.equals("plan") && !action.equals("apply")) {
            throw new EventException("action \"" + action + "\" must be \"plan\", \"apply\" or \"check\"");
        }
        List<String> clusters = new ArrayList<>();
        for (String name : strings(o, "clusters")) {
            if (config.clusters().stream().noneMatch(c -> c.name().equals(name))) {
                throw new EventException("clusters: \"" + name + "\" is not a configured cluster");
            }
            clusters.add(name);
        }
        List<String> services = strings(o, "services");
        if (clusters.isEmpty() && services.isEmpty()) {
            return Trigger.of("manual", action.equals("apply"), SyncScope.full(), List.of("manual " + action));
        }
        if (services.isEmpty()) {
            return Trigger.of("manual", action.equals("apply"), SyncScope.targeted(clusters, List.of()), List.of("manual " + action));
        }
        List<ObjectRef> objects = new ArrayList<>();
        List<String> in = clusters.isEmpty() ? config.clusters().stream().map(ClusterConfig::name)
                .collect(Collectors.toList()) : clusters;
        for (String s : services) {
            String[] parts = s.split("/");
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new EventException("services: \"" + s + "\" must be namespace/name");
            }
            in.forEach(c -> objects.add(ObjectRef.of(c, ObjectKind.SERVICE, parts[0], parts[1])));
        }
        return Trigger.of("manual", action.equals("apply"), SyncScope.targeted(List.of(), objects), List.of("manual " + action));
    }

    /** A CloudEvent's data: an object, or (some deliveries) the same object as a JSON string. */
    private static JsonObject data(JsonObject e) {
        JsonElement d = e.get("data");
        if (d != null && d.isJsonPrimitive() && d.getAsJsonPrimitive().isString()) {
            try {
                d = JsonParser.parseString(d.getAsString());
            } catch (RuntimeException ignored) {
                return new JsonObject();
            }
        }
        return d != null && d.isJsonObject() ? d.getAsJsonObject() : new JsonObject();
    }

    private Optional<ClusterConfig> cluster(String ackClusterId) {
        return config.clusters().stream().filter(c -> c.isAckCluster(ackClusterId)).findFirst();
    }

    private static JsonArray wrap(JsonObject o) {
        JsonArray a = new JsonArray();
        a.add(o);
        return a;
    }

    private static List<String> strings(JsonObject o, String field) throws EventException {
        List<String> out = new ArrayList<>();
        if (!o.has(field) || o.get(field).isJsonNull()) {
            return out;
        }
        if (!o.get(field).isJsonArray()) {
            throw new EventException(field + ": must be a list of strings");
        }
        for (JsonElement e : o.getAsJsonArray(field)) {
            if (!e.isJsonPrimitive()) {
                throw new EventException(field + ": must be a list of strings");
            }
            out.add(e.getAsString());
        }
        return out;
    }

    /** An RFC 3339 time, or null when absent or unreadable. */
    static Instant time(String text) {
        try {
            return text == null || text.isBlank() ? null : OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && o.get(field).isJsonPrimitive() ? o.get(field).getAsString() : "";
    }
}
