package com.clbsync.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a targeted event names in one cluster, to be read again on top of a snapshot: Services (got
 * by name), the EndpointSlices of Services (listed by their {@code kubernetes.io/service-name}
 * label) and Nodes (got by name).
 */
public final class Refresh {
    private final Set<ServiceName> services;
    private final Set<ServiceName> slicesOf;
    private final Set<String> nodes;

    private Refresh(Collection<ServiceName> services, Collection<ServiceName> slicesOf, Collection<String> nodes) {
        this.services = Set.copyOf(new TreeSet<>(services));
        this.slicesOf = Set.copyOf(new TreeSet<>(slicesOf));
        this.nodes = Set.copyOf(new TreeSet<>(nodes));
    }

    public static Refresh of(Collection<ServiceName> services, Collection<ServiceName> slicesOf, Collection<String> nodes) {
        return new Refresh(services, slicesOf, nodes);
    }

    /** The Services to get again. */
    public Set<ServiceName> services() { return services; }
    /** The Services whose EndpointSlices to list again. */
    public Set<ServiceName> slicesOf() { return slicesOf; }
    /** Names of the Nodes to get again. */
    public Set<String> nodes() { return nodes; }
    /** The requests it takes (one per Service, per Service's slices, per Node; one page each, as a rule). */
    public int requests() { return services.size() + slicesOf.size() + nodes.size(); }
    public boolean isEmpty() { return requests() == 0; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Refresh)) return false;
        Refresh r = (Refresh) o;
        return services.equals(r.services) && slicesOf.equals(r.slicesOf) && nodes.equals(r.nodes);
    }
    @Override public int hashCode() { return Objects.hash(services, slicesOf, nodes); }
    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        services.forEach(s -> sb.append(sb.length() == 0 ? "" : ", ").append("Service ").append(s));
        slicesOf.forEach(s -> sb.append(sb.length() == 0 ? "" : ", ").append("EndpointSlices of ").append(s));
        nodes.forEach(s -> sb.append(sb.length() == 0 ? "" : ", ").append("Node ").append(s));
        return sb.length() == 0 ? "nothing" : sb.toString();
    }
}
