package com.clbsync.model;

import com.google.auto.value.AutoValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An EndpointSlice ({@code discovery.k8s.io/v1}) reduced to its Service, its ports (name to number), and its endpoints. */
@AutoValue
public abstract class KubeEndpointSlice {
    public abstract String namespace();
    public abstract String name();
    /** The {@code kubernetes.io/service-name} label; empty when the slice belongs to no Service. */
    public abstract String serviceName();
    public abstract List<SliceEndpoint> endpoints();
    /** Its ports, by name ({@code ""} for an unnamed port) to number (0 when absent). */
    abstract Map<String, Integer> ports();
    /** Whether its addresses are IPv4 ({@code addressType}); IPv6 and FQDN slices are not read for backends. */
    public abstract boolean ipv4();

    public static KubeEndpointSlice of(String namespace, String name, String serviceName, List<SliceEndpoint> endpoints) {
        return new AutoValue_KubeEndpointSlice(namespace, name, serviceName == null ? "" : serviceName,
                endpoints == null ? List.of() : List.copyOf(endpoints), Map.of(), true);
    }

    /** The same slice carrying these ports, by name ({@code ""} for an unnamed port) to number (0 when absent). */
    public KubeEndpointSlice withPorts(Map<String, Integer> byName) {
        return new AutoValue_KubeEndpointSlice(namespace(), name(), serviceName(), endpoints(),
                byName == null ? Map.of() : Map.copyOf(byName), ipv4());
    }

    /** The same slice with this {@code addressType} (IPv4 when absent); only IPv4 slices make backends. */
    public KubeEndpointSlice withAddressType(String addressType) {
        return new AutoValue_KubeEndpointSlice(namespace(), name(), serviceName(), endpoints(), ports(),
                addressType == null || addressType.equals("IPv4"));
    }

    /** The Service it belongs to ({@code kubernetes.io/service-name}), in its namespace. */
    public ServiceName service() { return ServiceName.of(namespace(), serviceName()); }

    /** The names of the slice's ports: a Service port whose targetPort is a name counts only slices that carry it. */
    public Set<String> portNames() { return ports().keySet(); }

    /** The number of the slice's port of this name: the port its endpoints listen on. */
    public Optional<Integer> port(String portName) { return Optional.ofNullable(ports().get(portName)).filter(p -> p > 0); }

    @Override public String toString() { return namespace() + "/" + name() + " -> " + serviceName() + " " + endpoints(); }
}
