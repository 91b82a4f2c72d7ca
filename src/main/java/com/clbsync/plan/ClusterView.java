package com.clbsync.plan;

import com.clbsync.model.ClusterSnapshot;

import java.util.Objects;

/** A successfully read cluster: its configured name and owner id, and what it holds. */
public final class ClusterView {
    private final String name;
    private final String ownerId;
    private final ClusterSnapshot snapshot;

    private ClusterView(String name, String ownerId, ClusterSnapshot snapshot) {
        this.name = Objects.requireNonNull(name, "name");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    }

    public static ClusterView of(String name, String ownerId, ClusterSnapshot snapshot) {
        return new ClusterView(name, ownerId, snapshot);
    }

    public String name() { return name; }
    public String ownerId() { return ownerId; }
    public ClusterSnapshot snapshot() { return snapshot; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClusterView)) return false;
        ClusterView c = (ClusterView) o;
        return name.equals(c.name) && ownerId.equals(c.ownerId) && snapshot.equals(c.snapshot);
    }
    @Override public int hashCode() { return Objects.hash(name, ownerId, snapshot); }
    @Override public String toString() { return name + " (" + snapshot + ")"; }
}
