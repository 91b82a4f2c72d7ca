package com.clbsync.sync;

import com.clbsync.model.ClusterSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A warm instance's last snapshot of each cluster, with the time of the full read it stems from
 * (refreshing some of its objects does not make the rest younger). One per instance, shared by its
 * runs; thread-safe.
 */
public final class SnapshotCache {
    private final Map<String, Entry> byCluster = new ConcurrentHashMap<>();
    private volatile boolean inStep;

    /** The cluster's snapshot if its full read started less than {@code maxAge} before {@code now}. */
    Optional<Entry> fresh(String cluster, Instant now, Duration maxAge) {
        Entry e = byCluster.get(cluster);
        return e != null && now.isBefore(e.fullReadAt.plus(maxAge)) && !now.isBefore(e.fullReadAt)
                ? Optional.of(e) : Optional.empty();
    }

    void put(String cluster, ClusterSnapshot snapshot, Instant fullReadAt) {
        byCluster.put(cluster, new Entry(snapshot, fullReadAt));
    }

    /** Forgets the cluster: the next run reads it in full. */
    void drop(String cluster) {
        byCluster.remove(cluster);
    }

    /**
     * Marks the warm state doubtful before a run reads or writes anything, and returns whether it was in
     * step (every group as the snapshots want it, so a targeted event whose objects read back unchanged
     * has nothing to do): a plan, a failure or an exception leaves it doubtful, so the next event reads and syncs for real.
     */
    boolean begin() {
        boolean was = inStep;
        inStep = false;
        return was;
    }

    /**
     * Notes an applied run that came to its end: full or not, clean or not, whether it read a cluster in
     * full, and whether the state was in step when it began ({@link #begin}). Only a clean applied run
     * makes it good again.
     */
    void applied(boolean wasInStep, boolean full, boolean clean, boolean readInFull) {
        inStep = clean && (full || wasInStep && !readInFull);
    }

    /** A snapshot and when the full read it stems from started. */
    static final class Entry {
        final ClusterSnapshot snapshot;
        final Instant fullReadAt;

        Entry(ClusterSnapshot snapshot, Instant fullReadAt) {
            this.snapshot = Objects.requireNonNull(snapshot);
            this.fullReadAt = Objects.requireNonNull(fullReadAt);
        }
    }
}
