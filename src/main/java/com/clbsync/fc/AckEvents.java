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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACK's events through EventBridge: one CloudEvent ({@code source: acs.cs}), a batch of them (an array),
 * or RawData delivery (the Kubernetes Event alone). Each names a cluster (the subject's cluster id) and
 * an object; the scope is the union.
 */
final class AckEvents implements EventShape {
    private static final Pattern SUBJECT = Pattern.compile("acs:cs:[^:]*:[^:]*:([^/]+)(/.*)?");
    private static final Pattern PATH = Pattern.compile("/apis?(?:/[^/]+)?/v[^/]*(?:/namespaces/([^/]+))?/([^/]+)/([^/]+)");
    private final SyncConfig config;

    AckEvents(SyncConfig config) {
        this.config = config;
    }

    @Override
    public boolean matches(JsonElement root) {
        if (root.isJsonArray()) {
            return true;
        }
        JsonObject o = root.isJsonObject() ? root.getAsJsonObject() : new JsonObject();
        return JsonFields.string(o, "source").equals(Optional.of("acs.cs")) || JsonFields.object(o, "involvedObject").isPresent();
    }

    @Override
    public Trigger read(JsonElement root, EventAction action) throws EventException {
        JsonArray events = root.isJsonArray() ? root.getAsJsonArray() : new JsonArray();
        if (!root.isJsonArray()) {
            events.add(root);
        }
        if (events.size() == 0) {
            throw new EventException("an empty batch; " + EventParser.ACCEPTED);
        }
        SyncScope scope = SyncScope.targeted(List.of(), List.of());
        List<String> notes = new ArrayList<>();
        Instant latest = Instant.MIN;
        for (JsonElement e : events) {
            if (!e.isJsonObject()) {
                throw new EventException("a batch element is not an object; " + EventParser.ACCEPTED);
            }
            scope = scope.and(one(e.getAsJsonObject(), notes));
            Optional<Instant> t = JsonFields.time(e.getAsJsonObject(), "time");
            latest = latest == null || t.isEmpty() ? null : t.get().isAfter(latest) ? t.get() : latest;
        }
        return Trigger.of(TriggerKind.EVENTBRIDGE, true, scope, notes).at(latest);
    }

    /** One ACK event: a CloudEvent, or (RawData delivery) the Kubernetes Event alone. */
    private SyncScope one(JsonObject e, List<String> notes) throws EventException {
        boolean raw = !e.has("subject") && e.has("involvedObject");
        JsonObject data = raw ? e : data(e);
        String source = JsonFields.string(e, "source").orElse("");
        if (!raw && !source.equals("acs.cs")) {
            notes.add("event " + JsonFields.string(e, "id").orElse("") + " is not from ACK (source \"" + source + "\"): ignored");
            return SyncScope.targeted(List.of(), List.of());
        }
        List<ClusterConfig> clusters;
        String path = "";
        if (raw) {
            clusters = config.clusters();
            notes.add("RawData event without subject: its object is looked up in every configured cluster");
        } else {
            String subject = JsonFields.string(e, "subject").orElse("");
            Matcher m = SUBJECT.matcher(subject);
            if (!m.matches()) {
                throw new EventException("subject \"" + subject + "\" is not acs:cs:<region>:<account>:<clusterId>/...; "
                        + EventParser.ACCEPTED);
            }
            Optional<ClusterConfig> c = config.ackCluster(m.group(1));
            if (c.isEmpty()) {
                notes.add("event from ACK cluster " + m.group(1) + ", which is not configured: nothing to do");
                return SyncScope.targeted(List.of(), List.of());
            }
            clusters = List.of(c.get());
            path = m.group(2) == null ? "" : m.group(2);
        }
        Named named = named(data, path);
        Optional<ObjectKind> known = ObjectKind.ofKind(named.kind);
        List<String> wholeClusters = new ArrayList<>();
        List<ObjectRef> objects = new ArrayList<>();
        for (ClusterConfig c : clusters) {
            if (known.isEmpty()) {
                notes.add(c.name() + ": a " + (named.kind.isEmpty() ? "event without object" : named.kind + " event")
                        + " does not change backends: nothing to do");
            } else if (known.get().namesAService() || (known.get() == ObjectKind.NODE && !named.name.isEmpty())) {
                objects.add(ObjectRef.of(c.name(), known.get(), named.namespace, named.name)); // a Node: every group its cluster feeds
            } else {
                wholeClusters.add(c.name()); // a Pod, or a Node without a name: every group its cluster feeds, read in full
            }
        }
        if (!objects.isEmpty() || !wholeClusters.isEmpty()) {
            String object = named.kind + " " + (named.namespace.isEmpty() ? "" : named.namespace + "/") + named.name;
            notes.add(clusters.size() == 1 ? clusters.get(0).name() + ": " + object
                    : named.kind + " " + named.namespace + "/" + named.name);
        }
        return SyncScope.targeted(wholeClusters, objects);
    }

    /** The object an event is about: its {@code involvedObject}, else the API path in the subject. */
    private static Named named(JsonObject data, String path) {
        Optional<JsonObject> io = JsonFields.object(data, "involvedObject");
        if (io.isPresent()) {
            return new Named(JsonFields.string(io.get(), "kind").orElse(""), JsonFields.string(io.get(), "namespace").orElse(""),
                    JsonFields.string(io.get(), "name").orElse(""));
        }
        Matcher p = PATH.matcher(path);
        if (!p.matches()) {
            return new Named("", "", "");
        }
        return new Named(ObjectKind.ofResource(p.group(2)).map(ObjectKind::kind).orElse(p.group(2)),
                p.group(1) == null ? "" : p.group(1), p.group(3));
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

    /** Kind, namespace and name of the object an event names (each may be empty). */
    private static final class Named {
        final String kind;
        final String namespace;
        final String name;

        Named(String kind, String namespace, String name) {
            this.kind = kind;
            this.namespace = namespace;
            this.name = name;
        }
    }
}
