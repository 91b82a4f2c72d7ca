package com.clbsync.plan;

import com.google.auto.value.AutoValue;

import java.util.Comparator;

/**
 * The identity of a backend in a vServer group: ServerId and Port, plus ServerIp for ENI backends
 * (several pods share one ENI). Two backends with equal keys are the same backend to the CLB.
 */
@AutoValue
public abstract class BackendKey implements Comparable<BackendKey> {
    private static final Comparator<BackendKey> ORDER = Comparator.comparing(BackendKey::serverId)
            .thenComparing(BackendKey::serverIp).thenComparingInt(BackendKey::port);

    public abstract String serverId();
    public abstract int port();
    /** Empty for ECS backends. */
    public abstract String serverIp();

    /** An ECS backend: instance id and port. */
    public static BackendKey ecs(String serverId, int port) {
        return new AutoValue_BackendKey(serverId, port, "");
    }

    /** A backend identified also by its IP (ENI/ECI); an empty IP gives an ECS key. */
    public static BackendKey of(String serverId, int port, String serverIp) {
        return new AutoValue_BackendKey(serverId, port, serverIp == null ? "" : serverIp);
    }

    @Override public int compareTo(BackendKey o) { return ORDER.compare(this, o); }
    @Override public String toString() {
        return serverId() + (serverIp().isEmpty() ? "" : "/" + serverIp()) + ":" + port();
    }
}
