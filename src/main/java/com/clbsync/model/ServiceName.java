package com.clbsync.model;

import com.google.auto.value.AutoValue;

/** A Service's namespace and name within one cluster, written {@code namespace/name}. */
@AutoValue
public abstract class ServiceName implements Comparable<ServiceName> {
    public abstract String namespace();
    public abstract String name();

    public static ServiceName of(String namespace, String name) {
        return new AutoValue_ServiceName(namespace, name);
    }

    @Override public int compareTo(ServiceName o) { return toString().compareTo(o.toString()); }
    /** {@code namespace/name}. */
    @Override public String toString() { return namespace() + "/" + name(); }
}
