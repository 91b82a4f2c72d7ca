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
 * A warm instance's memory of clean runs, so that events queued behind one are answered at once: per
 * cluster, when the last full applied run started whose every cluster was read and whose every group
 * synced; per object, when the last clean targeted run started that read it afresh (an object an event
 * named, or an EndpointSlice of a Service one named) and synced every group it feeds. A change that
 * happened before such a start (less a few seconds for the clocks) is already in the CLB: a rollout's
 * queued EndpointSlice events are covered by the first run that read the Service's slices after them.
 * Anything less than a clean run covers nothing, and a cold instance remembers nothing.
 */
final class Coalescer {
    /** Margin for clocks: the event's source and this instance may disagree by a few seconds. */
    static final Duration SKEW = Duration.ofSeconds(5);
    private final Map<String, Instant> cleanFullRunStart = new ConcurrentHashMap<>();
    private final Map<ObjectRef, Instant> cleanReadStart = new ConcurrentHashMap<>();

    /** The start of the clean full run that already covers this trigger's change, if one does. */
    Optional<Instant> covering(Trigger t, SyncConfig config) {
        if (t.time().isEmpty() || !t.apply() || t.scope().isEmpty()) {
            return Optional.empty();
        }
        Instant changed = t.time().get();
        Set<String> clusters = new TreeSet<>(t.scope().clusters());
        if (t.scope().isFull()) {
            config.clusters().stream().map(ClusterConfig::name).forEach(clusters::add);
        }
        Instant covering = null;
        for (String c : clusters) {
            Instant start = after(changed, cleanFullRunStart.get(c));
            if (start == null) {
                return Optional.empty();
            }
            covering = covering == null || start.isBefore(covering) ? start : covering;
        }
        for (ObjectRef o : t.scope().objects()) {
            Instant start = after(changed, cleanFullRunStart.get(o.cluster()));
            if (start == null) {
                start = after(changed, cleanReadStart.get(o));
            }
            if (start == null) {
                return Optional.empty();
            }
            covering = covering == null || start.isBefore(covering) ? start : covering;
        }
        return Optional.ofNullable(covering);
    }

    /** The run start, if the change happened before it (less the clock margin); else null. */
    private static Instant after(Instant changed, Instant start) {
        return start != null && changed.isBefore(start.minus(SKEW)) ? start : null;
    }

    /** Remembers a run that started at {@code start}, if it was a clean applied run. */
    void ran(Trigger t, SyncReport report, Instant start) {
        if (!t.apply() || report.exitCode() != SyncReport.EXIT_OK) {
            return;
        }
        if (t.scope().isFull()) {
            report.clusters().stream().map(ClusterReport::name).forEach(c -> cleanFullRunStart.put(c, start));
            // what a clean full run covers, object memories of before it no longer add to (nor grow without end)
            cleanReadStart.entrySet().removeIf(e -> !e.getValue().isAfter(start));
        } else {
            report.clusters().forEach(c -> c.readAfresh().forEach(o -> cleanReadStart.merge(o, start,
                    (a, b) -> a.isAfter(b) ? a : b)));
        }
    }
}
