package com.clbsync.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An EndpointSlice ({@code discovery.k8s.io/v1}) reduced to its Service, its ports (name to number), and its endpoints. */
public final class KubeEndpointSlice {
    private final String namespace;
    private final String name;
    private final String serviceName;
    private final List<SliceEndpoint> endpoints;
    private final Map<String, Integer> ports;

    private KubeEndpointSlice(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints,
                              Map<String, Integer> ports) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.serviceName = serviceName == null ? "" : serviceName;
        this.endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        this.ports = ports == null ? Map.of() : Map.copyOf(ports);
    }

    public static KubeEndpointSlice of(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints, Map.of());
    }

    /** The same slice carrying these ports, by name ({@code ""} for an unnamed port) to number (0 when absent). */
    public KubeEndpointSlice withPorts(Map<String, Integer> byName) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints, byName);
    }

    public String namespace() { return namespace; }
    public String name() { return name; }
    /** The {@code kubernetes.io/service-name} label; empty when the slice belongs to no Service. */
    public String serviceName() { return serviceName; }
    public List<SliceEndpoint> endpoints() { return endpoints; }
    /** The names of the slice's ports: a Service port whose targetPort is a name counts only slices that carry it. */
    public Set<String> portNames() { return ports.keySet(); }
    /** The number of the slice's port of this name: the port its endpoints listen on. */
    public Optional<Integer> port(String portName) { return Optional.ofNullable(ports.get(portName)).filter(p -> p > 0); }

    @Override public boolean equals(Object o) {
        if (!(o instanceof KubeEndpointSlice)) return false;
        KubeEndpointSlice s = (KubeEndpointSlice) o;
        return namespace.equals(s.namespace) && name.equals(s.name) && serviceName.equals(s.serviceName)
                && endpoints.equals(s.endpoints) && ports.equals(s.ports);
    }
    @Override public int hashCode() { return Objects.hash(namespace, name, serviceName, endpoints, ports); }
    @Override public String toString() { return namespace + "/" + name + " -> " + serviceName + " " + endpoints; }
}
