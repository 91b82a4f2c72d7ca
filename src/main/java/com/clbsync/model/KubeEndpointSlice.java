package com.clbsync.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An EndpointSlice ({@code discovery.k8s.io/v1}) reduced to its Service, the names of its ports, and its endpoints. */
public final class KubeEndpointSlice {
    private final String namespace;
    private final String name;
    private final String serviceName;
    private final List<SliceEndpoint> endpoints;
    private final Set<String> portNames;

    private KubeEndpointSlice(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints,
                              Set<String> portNames) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.serviceName = serviceName == null ? "" : serviceName;
        this.endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        this.portNames = portNames == null ? Set.of() : Set.copyOf(portNames);
    }

    public static KubeEndpointSlice of(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints, Set.of());
    }

    /** The same slice carrying ports of these names ({@code ""} for an unnamed port). */
    public KubeEndpointSlice withPortNames(Set<String> names) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints, names);
    }

    public String namespace() { return namespace; }
    public String name() { return name; }
    /** The {@code kubernetes.io/service-name} label; empty when the slice belongs to no Service. */
    public String serviceName() { return serviceName; }
    public List<SliceEndpoint> endpoints() { return endpoints; }
    /** The names of the slice's ports: a Service port whose targetPort is a name counts only slices that carry it. */
    public Set<String> portNames() { return portNames; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof KubeEndpointSlice)) return false;
        KubeEndpointSlice s = (KubeEndpointSlice) o;
        return namespace.equals(s.namespace) && name.equals(s.name) && serviceName.equals(s.serviceName)
                && endpoints.equals(s.endpoints) && portNames.equals(s.portNames);
    }
    @Override public int hashCode() { return Objects.hash(namespace, name, serviceName, endpoints, portNames); }
    @Override public String toString() { return namespace + "/" + name + " -> " + serviceName + " " + endpoints; }
}
