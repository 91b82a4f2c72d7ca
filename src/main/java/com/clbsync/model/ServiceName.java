package com.clbsync.model;

import java.util.Objects;

/** A Service's namespace and name within one cluster, written {@code namespace/name}. */
public final class ServiceName implements Comparable<ServiceName> {
    private final String namespace;
    private final String name;

    private ServiceName(String namespace, String name) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
    }

    public static ServiceName of(String namespace, String name) {
        return new ServiceName(namespace, name);
    }

    public String namespace() { return namespace; }
    public String name() { return name; }

    @Override public int compareTo(ServiceName o) { return toString().compareTo(o.toString()); }
    @Override public boolean equals(Object o) {
        return o instanceof ServiceName && namespace.equals(((ServiceName) o).namespace) && name.equals(((ServiceName) o).name);
    }
    @Override public int hashCode() { return Objects.hash(namespace, name); }
    /** {@code namespace/name}. */
    @Override public String toString() { return namespace + "/" + name; }
}
