package com.clbsync.fc;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.ObjectKind;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncScope;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A manual event ({@code s invoke}): {@code {"action": "plan"|"apply"|"check", "clusters": [names],
 * "services": ["namespace/name"]}}; without clusters and services, everything.
 */
final class ManualEvent implements EventShape {
    private final SyncConfig config;

    ManualEvent(SyncConfig config) {
        this.config = config;
    }

    @Override
    public boolean matches(JsonElement root) {
        return root.isJsonObject() && root.getAsJsonObject().has("action");
    }

    @Override
    public Trigger read(JsonElement root, EventAction action) throws EventException {
        JsonObject o = root.getAsJsonObject();
        if (action == EventAction.CHECK) {
            return Trigger.of(TriggerKind.CHECK, false, SyncScope.full(), List.of("manual check: one harmless read per dependency"));
        }
        boolean apply = action != EventAction.PLAN;
        String note = "manual " + (apply ? "apply" : "plan");
        List<String> clusters = new ArrayList<>();
        for (String name : JsonFields.strings(o, "clusters")) {
            if (config.clusters().stream().noneMatch(c -> c.name().equals(name))) {
                throw new EventException("clusters: \"" + name + "\" is not a configured cluster");
            }
            clusters.add(name);
        }
        List<String> services = JsonFields.strings(o, "services");
        if (services.isEmpty()) {
            return Trigger.of(TriggerKind.MANUAL, apply, clusters.isEmpty() ? SyncScope.full()
                    : SyncScope.targeted(clusters, List.of()), List.of(note));
        }
        List<String> in = clusters.isEmpty() ? config.clusters().stream().map(ClusterConfig::name).collect(Collectors.toList())
                : clusters;
        List<ObjectRef> objects = new ArrayList<>();
        for (String s : services) {
            String[] parts = s.split("/");
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new EventException("services: \"" + s + "\" must be namespace/name");
            }
            in.forEach(c -> objects.add(ObjectRef.of(c, ObjectKind.SERVICE, parts[0], parts[1])));
        }
        return Trigger.of(TriggerKind.MANUAL, apply, SyncScope.targeted(List.of(), objects), List.of(note));
    }
}
