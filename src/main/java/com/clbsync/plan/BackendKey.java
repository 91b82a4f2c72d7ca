package com.clbsync.plan;

import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of a backend in a vServer group: ServerId and Port, plus ServerIp for ENI backends
 * (several pods share one ENI). Two backends with equal keys are the same backend to the CLB.
 */
public final class BackendKey implements Comparable<BackendKey> {
    private static final Comparator<BackendKey> ORDER = Comparator.comparing(BackendKey::serverId)
            .thenComparing(BackendKey::serverIp).thenComparingInt(BackendKey::port);

    private final String serverId;
    private final int port;
    private final String serverIp;

    private BackendKey(String serverId, int port, String serverIp) {
        this.serverId = Objects.requireNonNull(serverId, "serverId");
        this.port = port;
        this.serverIp = serverIp == null ? "" : serverIp;
    }

    /** An ECS backend: instance id and port. */
    public static BackendKey ecs(String serverId, int port) {
        return new BackendKey(serverId, port, "");
    }

    /** A backend identified also by its IP (ENI/ECI); an empty IP gives an ECS key. */
    public static BackendKey of(String serverId, int port, String serverIp) {
        return new BackendKey(serverId, port, serverIp);
    }

    public String serverId() { return serverId; }
    public int port() { return port; }
    /** Empty for ECS backends. */
    public String serverIp() { return serverIp; }

    @Override public int compareTo(BackendKey o) { return ORDER.compare(this, o); }
    @Override public boolean equals(Object o) {
        if (!(o instanceof BackendKey)) return false;
        BackendKey k = (BackendKey) o;
        return port == k.port && serverId.equals(k.serverId) && serverIp.equals(k.serverIp);
    }
    @Override public int hashCode() { return Objects.hash(serverId, port, serverIp); }
    @Override public String toString() {
        return serverId + (serverIp.isEmpty() ? "" : "/" + serverIp) + ":" + port;
    }
}
