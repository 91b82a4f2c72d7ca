package com.clbsync.model;

import com.google.auto.value.AutoValue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a targeted event names in one cluster, to be read again on top of a snapshot: Services (got
 * by name), the EndpointSlices of Services (listed by their {@code kubernetes.io/service-name}
 * label) and Nodes (got by name).
 */
@AutoValue
public abstract class Refresh {
    /** The Services to get again. */
    public abstract Set<ServiceName> services();
    /** The Services whose EndpointSlices to list again. */
    public abstract Set<ServiceName> slicesOf();
    /** Names of the Nodes to get again. */
    public abstract Set<String> nodes();

    public static Refresh of(Collection<ServiceName> services, Collection<ServiceName> slicesOf, Collection<String> nodes) {
        return new AutoValue_Refresh(Set.copyOf(services), Set.copyOf(slicesOf), Set.copyOf(nodes));
    }

    /** The requests it takes (one per Service, per Service's slices, per Node; one page each, as a rule). */
    public int requests() { return services().size() + slicesOf().size() + nodes().size(); }
    public boolean isEmpty() { return requests() == 0; }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        new TreeSet<>(services()).forEach(s -> sb.append(sb.length() == 0 ? "" : ", ").append("Service ").append(s));
        new TreeSet<>(slicesOf()).forEach(s -> sb.append(sb.length() == 0 ? "" : ", ").append("EndpointSlices of ").append(s));
        new TreeSet<>(nodes()).forEach(s -> sb.append(sb.length() == 0 ? "" : ", ").append("Node ").append(s));
        return sb.length() == 0 ? "nothing" : sb.toString();
    }
}
