package com.clbsync.plan;

import com.clbsync.model.ClusterSnapshot;

import java.util.Objects;

/** A successfully read cluster: its configured name, owner id and default backend type, and what it holds. */
public final class ClusterView {
    private final String name;
    private final String ownerId;
    private final ClusterSnapshot snapshot;
    private final BackendType defaultBackendType;

    private ClusterView(String name, String ownerId, ClusterSnapshot snapshot, BackendType defaultBackendType) {
        this.name = Objects.requireNonNull(name, "name");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.defaultBackendType = Objects.requireNonNull(defaultBackendType, "defaultBackendType");
    }

    /** A cluster whose Services without {@code backend-type} have ECS (node) backends. */
    public static ClusterView of(String name, String ownerId, ClusterSnapshot snapshot) {
        return new ClusterView(name, ownerId, snapshot, BackendType.ECS);
    }

    /** The same cluster, its Services without {@code backend-type} having backends of this type. */
    public ClusterView withDefaultBackendType(BackendType type) {
        return new ClusterView(name, ownerId, snapshot, type);
    }

    public String name() { return name; }
    public String ownerId() { return ownerId; }
    public ClusterSnapshot snapshot() { return snapshot; }
    public BackendType defaultBackendType() { return defaultBackendType; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClusterView)) return false;
        ClusterView c = (ClusterView) o;
        return name.equals(c.name) && ownerId.equals(c.ownerId) && snapshot.equals(c.snapshot)
                && defaultBackendType == c.defaultBackendType;
    }
    @Override public int hashCode() { return Objects.hash(name, ownerId, snapshot, defaultBackendType); }
    @Override public String toString() { return name + " (" + snapshot + ")"; }
}
