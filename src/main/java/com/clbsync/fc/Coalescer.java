package com.clbsync.fc;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.ClusterReport;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncReport;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A warm instance's memory of clean full runs, so that events queued behind one are answered at once:
 * per cluster, when the last full applied run started whose every cluster was read and whose every
 * group synced. A change that happened before that start (less a few seconds for the clocks) is
 * already in the CLB. Anything less than a
 * clean run covers nothing, and a cold instance remembers nothing.
 */
final class Coalescer {
    /** Margin for clocks: the event's source and this instance may disagree by a few seconds. */
    static final Duration SKEW = Duration.ofSeconds(5);
    private final Map<String, Instant> cleanFullRunStart = new ConcurrentHashMap<>();

    /** The start of the clean full run that already covers this trigger's change, if one does. */
    Optional<Instant> covering(Trigger t, SyncConfig config) {
        if (t.time().isEmpty() || !t.apply() || t.scope().isEmpty()) {
            return Optional.empty();
        }
        Set<String> clusters = new TreeSet<>();
        if (t.scope().isFull()) {
            config.clusters().stream().map(ClusterConfig::name).forEach(clusters::add);
        } else {
            clusters.addAll(t.scope().clusters());
            t.scope().objects().stream().map(ObjectRef::cluster).forEach(clusters::add);
        }
        Instant covering = null;
        for (String c : clusters) {
            Instant start = cleanFullRunStart.get(c);
            if (start == null || !t.time().get().isBefore(start.minus(SKEW))) {
                return Optional.empty();
            }
            covering = covering == null || start.isBefore(covering) ? start : covering;
        }
        return Optional.ofNullable(covering);
    }

    /** Remembers a run that started at {@code start}, if it was a clean full applied run. */
    void ran(Trigger t, SyncReport report, Instant start) {
        if (t.scope().isFull() && t.apply() && report.exitCode() == SyncReport.EXIT_OK) {
            report.clusters().stream().map(ClusterReport::name).forEach(c -> cleanFullRunStart.put(c, start));
        }
    }
}
