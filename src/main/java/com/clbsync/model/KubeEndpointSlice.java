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
    private final boolean ipv4;

    private KubeEndpointSlice(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints,
                              Map<String, Integer> ports, boolean ipv4) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.serviceName = serviceName == null ? "" : serviceName;
        this.endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        this.ports = ports == null ? Map.of() : Map.copyOf(ports);
        this.ipv4 = ipv4;
    }

    public static KubeEndpointSlice of(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints, Map.of(), true);
    }

    /** The same slice carrying these ports, by name ({@code ""} for an unnamed port) to number (0 when absent). */
    public KubeEndpointSlice withPorts(Map<String, Integer> byName) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints, byName, ipv4);
    }

    /** The same slice with this {@code addressType} (IPv4 when absent); only IPv4 slices make backends. */
    public KubeEndpointSlice withAddressType(String addressType) {
        return new KubeEndpointSlice(namespace, name, serviceName, endpoints, ports,
                addressType == null || addressType.equals("IPv4"));
    }

    public String namespace() { return namespace; }
    public String name() { return name; }
    /** The {@code kubernetes.io/service-name} label; empty when the slice belongs to no Service. */
    public String serviceName() { return serviceName; }
    /** The Service it belongs to ({@code kubernetes.io/service-name}), in its namespace. */
    public ServiceName service() { return ServiceName.of(namespace, serviceName); }
    public List<SliceEndpoint> endpoints() { return endpoints; }
    /** The names of the slice's ports: a Service port whose targetPort is a name counts only slices that carry it. */
    public Set<String> portNames() { return ports.keySet(); }
    /** Whether its addresses are IPv4 ({@code addressType}); IPv6 and FQDN slices are not read for backends. */
    public boolean ipv4() { return ipv4; }
    /** The number of the slice's port of this name: the port its endpoints listen on. */
    public Optional<Integer> port(String portName) { return Optional.ofNullable(ports.get(portName)).filter(p -> p > 0); }

    @Override public boolean equals(Object o) {
        if (!(o instanceof KubeEndpointSlice)) return false;
        KubeEndpointSlice s = (KubeEndpointSlice) o;
        return namespace.equals(s.namespace) && name.equals(s.name) && serviceName.equals(s.serviceName)
                && endpoints.equals(s.endpoints) && ports.equals(s.ports) && ipv4 == s.ipv4;
    }
    @Override public int hashCode() { return Objects.hash(namespace, name, serviceName, endpoints, ports, ipv4); }
    @Override public String toString() { return namespace + "/" + name + " -> " + serviceName + " " + endpoints; }
}
