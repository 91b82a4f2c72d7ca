package com.clbsync.plan;

import com.clbsync.model.ServiceName;

import java.util.Objects;

/** A Service of a configured cluster: the cluster's name, its owner id, and the Service's namespace/name. */
public final class ServiceRef implements Comparable<ServiceRef> {
    private final String cluster;
    private final String ownerId;
    private final String namespace;
    private final String name;

    private ServiceRef(String cluster, String ownerId, String namespace, String name) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
    }

    public static ServiceRef of(String cluster, String ownerId, String namespace, String name) {
        return new ServiceRef(cluster, ownerId, namespace, name);
    }

    public String cluster() { return cluster; }
    public String ownerId() { return ownerId; }
    public String namespace() { return namespace; }
    public String name() { return name; }
    /** Its {@code namespace/name} in its cluster. */
    public ServiceName id() { return ServiceName.of(namespace, name); }

    @Override public int compareTo(ServiceRef o) { return toString().compareTo(o.toString()); }
    @Override public boolean equals(Object o) {
        if (!(o instanceof ServiceRef)) return false;
        ServiceRef r = (ServiceRef) o;
        return cluster.equals(r.cluster) && ownerId.equals(r.ownerId) && namespace.equals(r.namespace) && name.equals(r.name);
    }
    @Override public int hashCode() { return Objects.hash(cluster, ownerId, namespace, name); }
    /** {@code cluster/namespace/name}. */
    @Override public String toString() { return cluster + "/" + namespace + "/" + name; }
}
