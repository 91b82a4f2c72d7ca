package com.clbsync.plan;

import com.clbsync.model.ServiceName;
import com.google.auto.value.AutoValue;

/** A Service of a configured cluster: the cluster's name, its owner id, and the Service's namespace/name. */
@AutoValue
public abstract class ServiceRef implements Comparable<ServiceRef> {
    public abstract String cluster();
    public abstract String ownerId();
    public abstract String namespace();
    public abstract String name();

    public static ServiceRef of(String cluster, String ownerId, String namespace, String name) {
        return new AutoValue_ServiceRef(cluster, ownerId, namespace, name);
    }

    /** Its {@code namespace/name} in its cluster. */
    public ServiceName id() { return ServiceName.of(namespace(), name()); }

    @Override public int compareTo(ServiceRef o) { return toString().compareTo(o.toString()); }
    /** {@code cluster/namespace/name}. */
    @Override public String toString() { return cluster() + "/" + namespace() + "/" + name(); }
}
