package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.sync.SyncScope;
import com.clbsync.time.Deadline;

import java.util.List;
import java.util.Map;

/**
 * Where a Log Service trigger's scope is resolved: the audit records of its cursor range are pulled
 * (with the invocation's credentials, within its deadline) and narrowed to the writes that can move
 * backends. When the pull fails, the whole cluster is reconciled, and the notes say so.
 */
final class AuditLogScope {

    private AuditLogScope() {
    }

    /** The trigger with its scope resolved; a trigger without an audit range as it is. */
    static Trigger resolve(Trigger t, AuditLogSource audit, ClbCredentials credentials, Deadline deadline) {
        if (t.auditRange().isEmpty()) {
            return t;
        }
        SlsRange range = t.auditRange().get();
        String cluster = t.auditCluster();
        List<Map<String, String>> records;
        try {
            records = audit.pull(range, credentials, deadline);
        } catch (Exception e) {
            return t.narrowed(SyncScope.targeted(List.of(cluster), List.of()), List.of("could not pull the audit records of "
                    + range + " (" + e.getClass().getSimpleName() + "): reconciling the whole cluster " + cluster + " instead"),
                    null);
        }
        SyncScope scope = AuditRecords.scope(cluster, records);
        return t.narrowed(scope, List.of(records.size() + " audit records of " + cluster
                + (scope.isEmpty() ? "; no writes of services, endpointslices, endpoints or nodes: nothing to do" : "")),
                AuditRecords.latestTime(records));
    }
}
