package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;

import java.util.Objects;
import java.util.Optional;

/** A snapshot brought up to now from the changes since it, or why that could not be done for sure. */
public final class Resumed {
    private final ClusterSnapshot snapshot;
    private final int changes;
    private final String why;

    private Resumed(ClusterSnapshot snapshot, int changes, String why) {
        this.snapshot = snapshot;
        this.changes = changes;
        this.why = why;
    }

    /** @param changes the objects added, modified or deleted since the snapshot */
    public static Resumed of(ClusterSnapshot snapshot, int changes) {
        return new Resumed(Objects.requireNonNull(snapshot), changes, "");
    }

    /** The changes could not be read for sure: the caller reads in full. */
    public static Resumed no(String why) {
        return new Resumed(null, 0, why);
    }

    /** The snapshot as it stands now, or empty when the caller must read in full. */
    public Optional<ClusterSnapshot> snapshot() { return Optional.ofNullable(snapshot); }
    public int changes() { return changes; }
    /** Why the changes could not be read (empty when they were). */
    public String why() { return why; }

    @Override public String toString() { return snapshot == null ? "not resumed: " + why : changes + " changes"; }
}
