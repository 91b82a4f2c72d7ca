package com.clbsync.sync;

import com.google.auto.value.AutoValue;

/** A Kubernetes object an event named: cluster, kind, namespace and name. */
@AutoValue
public abstract class ObjectRef {
    public abstract String cluster();
    public abstract ObjectKind kind();
    public abstract String namespace();
    public abstract String name();

    public static ObjectRef of(String cluster, ObjectKind kind, String namespace, String name) {
        return new AutoValue_ObjectRef(cluster, kind, namespace == null ? "" : namespace, name);
    }

    @Override public String toString() { return cluster() + ": " + kind() + " " + namespace() + "/" + name(); }
}
