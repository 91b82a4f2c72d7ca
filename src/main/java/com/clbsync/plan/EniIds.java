package com.clbsync.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The elastic network interfaces (ENIs) that hold each pod IP, as ECS {@code DescribeNetworkInterfaces}
 * reported them this run (every one: two VPCs may reuse an IP), or why the lookup failed (then no ENI
 * Service may change). A cluster's pod IP resolves only to an ENI attached to one of its own nodes.
 */
public final class EniIds {
    private static final EniIds NONE = new EniIds(Map.of(), null);
    private final Map<String, List<Eni>> byIp;
    private final String failure;

    private EniIds(Map<String, List<Eni>> byIp, String failure) {
        Map<String, List<Eni>> copy = new HashMap<>();
        byIp.forEach((ip, enis) -> copy.put(ip, List.copyOf(enis)));
        this.byIp = Map.copyOf(copy);
        this.failure = failure;
    }

    /** No lookup was needed (no ENI Service in the run). */
    public static EniIds none() {
        return NONE;
    }

    /** Pod IP to the ENIs in use that hold it; an IP absent from the map has none. */
    public static EniIds of(Map<String, List<Eni>> byIp) {
        return new EniIds(byIp, null);
    }

    /** The lookup failed: every ENI Service keeps its backends as they are. */
    public static EniIds unavailable(String why) {
        return new EniIds(Map.of(), Objects.requireNonNull(why, "why"));
    }

    /** The ENI holding this pod IP that is attached to one of {@code nodeInstances} (the cluster's nodes), or empty. */
    public Optional<String> of(String podIp, Set<String> nodeInstances) {
        return byIp.getOrDefault(podIp, List.of()).stream().filter(e -> nodeInstances.contains(e.instanceId()))
                .map(Eni::id).findFirst();
    }

    /** An ENI holding this pod IP that is attached to none of {@code nodeInstances}: another machine's, if any. */
    public Optional<Eni> elsewhere(String podIp, Set<String> nodeInstances) {
        return byIp.getOrDefault(podIp, List.of()).stream().filter(e -> !nodeInstances.contains(e.instanceId())).findFirst();
    }

    /** Why the ENIs are unknown this run, or empty when the lookup succeeded. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof EniIds)) return false;
        EniIds e = (EniIds) o;
        return byIp.equals(e.byIp) && Objects.equals(failure, e.failure);
    }
    @Override public int hashCode() { return Objects.hash(byIp, failure); }
    @Override public String toString() { return failure != null ? "ENIs unknown: " + failure : new TreeMap<>(byIp).toString(); }
}
