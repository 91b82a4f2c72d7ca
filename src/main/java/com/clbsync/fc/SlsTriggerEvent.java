package com.clbsync.fc;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.SyncScope;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Log Service trigger on an ACK audit logstore ({@code audit-<clusterId>} in {@code k8s-log-<clusterId>}):
 * its cursor range, whose records {@link AuditLogScope} narrows to the objects written. The event's
 * endpoint is never read: the records are pulled from the region's own Log Service endpoint.
 */
final class SlsTriggerEvent implements EventShape {
    private static final Pattern LOGSTORE = Pattern.compile("audit-([a-z0-9]+)");
    private static final Pattern PROJECT = Pattern.compile("k8s-log-([a-z0-9]+)");
    private final SyncConfig config;

    SlsTriggerEvent(SyncConfig config) {
        this.config = config;
    }

    @Override
    public boolean matches(JsonElement root) {
        return root.isJsonObject() && JsonFields.object(root.getAsJsonObject(), "source")
                .map(s -> s.has("logstoreName")).orElse(false);
    }

    @Override
    public Trigger read(JsonElement root, EventAction action) throws EventException {
        JsonObject source = root.getAsJsonObject().getAsJsonObject("source");
        String logstore = JsonFields.string(source, "logstoreName").orElse("");
        String project = JsonFields.string(source, "projectName").orElse("");
        Matcher m = LOGSTORE.matcher(logstore);
        Matcher p = PROJECT.matcher(project);
        String clusterId = m.matches() ? m.group(1) : p.matches() ? p.group(1) : "";
        if (clusterId.isEmpty()) {
            return Trigger.of(TriggerKind.SLS, true, SyncScope.targeted(List.of(), List.of()), List.of("logstore " + project + "/"
                    + logstore + " is not an ACK audit logstore (audit-<clusterId> in k8s-log-<clusterId>): nothing to do"));
        }
        Optional<ClusterConfig> cluster = config.ackCluster(clusterId);
        if (cluster.isEmpty()) {
            return Trigger.of(TriggerKind.SLS, true, SyncScope.targeted(List.of(), List.of()),
                    List.of("audit log of ACK cluster " + clusterId + ", which is not configured: nothing to do"));
        }
        int shard;
        try {
            shard = JsonFields.string(source, "shardId").map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new EventException("source.shardId: not a number");
        }
        SlsRange range = SlsRange.of(project, logstore, shard, JsonFields.string(source, "beginCursor").orElse(""),
                JsonFields.string(source, "endCursor").orElse(""));
        return Trigger.auditLog(cluster.get().name(), range);
    }
}
