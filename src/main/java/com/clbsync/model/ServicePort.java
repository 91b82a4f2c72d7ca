package com.clbsync.model;

import com.google.auto.value.AutoValue;

/** One entry of a Service's {@code spec.ports}. */
@AutoValue
public abstract class ServicePort {
    public abstract String name();
    public abstract int port();
    /** Null when the Service has no node port for this port (ClusterIP). */
    @Nullable public abstract Integer nodePort();
    @Nullable public abstract String targetPort();
    /** {@code TCP} (the default), {@code UDP} or {@code SCTP}: an NLB server's description carries it. */
    public abstract String protocol();

    public static ServicePort of(String name, int port, Integer nodePort, String targetPort) {
        return new AutoValue_ServicePort(name == null ? "" : name, port, nodePort, targetPort, "TCP");
    }

    /** The same port with this protocol ({@code TCP} when empty). */
    public ServicePort withProtocol(String protocol) {
        return new AutoValue_ServicePort(name(), port(), nodePort(), targetPort(),
                protocol == null || protocol.isBlank() ? "TCP" : protocol);
    }

    @Override public String toString() { return port() + (nodePort() == null ? "" : ":" + nodePort()) + "/" + name(); }
}
