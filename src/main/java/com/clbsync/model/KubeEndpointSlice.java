package com.clbsync.model;

import java.util.List;
import java.util.Objects;

/** An EndpointSlice ({@code discovery.k8s.io/v1}) reduced to its Service and endpoints. */
public final class KubeEndpointSlice {
    private final String namespace;
    private final String name;
    private final String serviceName;
    private final List<SliceEndpoint> endpoints;

    private KubeEndpointSlice(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.serviceName = serviceName == null ? "" : serviceName;
        this.endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    public static KubeEndpointSlice of(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints);
    }

    public String namespace() { return namespace; }
    public String name() { return name; }
    /** The {@code kubernetes.io/service-name} label; empty when the slice belongs to no Service. */
    public String serviceName() { return serviceName; }
    public List<SliceEndpoint> endpoints() { return endpoints; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof KubeEndpointSlice)) return false;
        KubeEndpointSlice s = (KubeEndpointSlice) o;
        return namespace.equals(s.namespace) && name.equals(s.name) && serviceName.equals(s.serviceName)
                && endpoints.equals(s.endpoints);
    }
    @Override public int hashCode() { return Objects.hash(namespace, name, serviceName, endpoints); }
    @Override public String toString() { return namespace + "/" + name + " -> " + serviceName + " " + endpoints; }
}
