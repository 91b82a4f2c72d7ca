package com.clbsync.model;

import java.util.Objects;

/** One entry of a Service's {@code spec.ports}. */
public final class ServicePort {
    private final String name;
    private final int port;
    private final Integer nodePort;
    private final String targetPort;

    private ServicePort(String name, int port, Integer nodePort, String targetPort) {
        this.name = name == null ? "" : name;
        this.port = port;
        this.nodePort = nodePort;
        this.targetPort = targetPort;
    }

    public static ServicePort of(String name, int port, Integer nodePort, String targetPort) {
        return new ServicePort(name, port, nodePort, targetPort);
    }

    public String name() { return name; }
    public int port() { return port; }
    /** Null when the Service has no node port for this port (ClusterIP). */
    public Integer nodePort() { return nodePort; }
    public String targetPort() { return targetPort; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ServicePort)) return false;
        ServicePort p = (ServicePort) o;
        return port == p.port && name.equals(p.name) && Objects.equals(nodePort, p.nodePort)
                && Objects.equals(targetPort, p.targetPort);
    }
    @Override public int hashCode() { return Objects.hash(name, port, nodePort, targetPort); }
    @Override public String toString() { return port + (nodePort == null ? "" : ":" + nodePort) + "/" + name; }
}
