package com.clbsync.plan;

import com.clbsync.model.ClusterSnapshot;
import com.google.auto.value.AutoValue;

/** A successfully read cluster: its configured name, owner id and default backend type, and what it holds. */
@AutoValue
public abstract class ClusterView {
    public abstract String name();
    public abstract String ownerId();
    public abstract ClusterSnapshot snapshot();
    public abstract BackendType defaultBackendType();

    /** A cluster whose Services without {@code backend-type} have ECS (node) backends. */
    public static ClusterView of(String name, String ownerId, ClusterSnapshot snapshot) {
        return new AutoValue_ClusterView(name, ownerId, snapshot, BackendType.ECS);
    }

    /** The same cluster, its Services without {@code backend-type} having backends of this type. */
    public ClusterView withDefaultBackendType(BackendType type) {
        return new AutoValue_ClusterView(name(), ownerId(), snapshot(), type);
    }

    @Override public String toString() { return name() + " (" + snapshot() + ")"; }
}
