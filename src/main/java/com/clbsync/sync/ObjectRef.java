package com.clbsync.sync;

import java.util.Objects;

/** A Kubernetes object an event named: cluster, kind, namespace and name. */
public final class ObjectRef {
    private final String cluster;
    private final ObjectKind kind;
    private final String namespace;
    private final String name;

    private ObjectRef(String cluster, ObjectKind kind, String namespace, String name) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.namespace = namespace == null ? "" : namespace;
        this.name = Objects.requireNonNull(name, "name");
    }

    public static ObjectRef of(String cluster, ObjectKind kind, String namespace, String name) {
        return new ObjectRef(cluster, kind, namespace, name);
    }

    public String cluster() { return cluster; }
    public ObjectKind kind() { return kind; }
    public String namespace() { return namespace; }
    public String name() { return name; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ObjectRef)) return false;
        ObjectRef r = (ObjectRef) o;
        return cluster.equals(r.cluster) && kind.equals(r.kind) && namespace.equals(r.namespace) && name.equals(r.name);
    }
    @Override public int hashCode() { return Objects.hash(cluster, kind, namespace, name); }
    @Override public String toString() { return cluster + ": " + kind + " " + namespace + "/" + name; }
}
