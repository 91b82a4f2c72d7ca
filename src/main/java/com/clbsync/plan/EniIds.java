package com.clbsync.plan;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The elastic network interface (ENI) that holds each pod IP, as ECS {@code DescribeNetworkInterfaces}
 * reported it this run, or why the lookup failed (then no ENI Service may change).
 */
public final class EniIds {
    private static final EniIds NONE = new EniIds(Map.of(), null);
    private final Map<String, String> byIp;
    private final String failure;

    private EniIds(Map<String, String> byIp, String failure) {
        this.byIp = Map.copyOf(byIp);
        this.failure = failure;
    }

    /** No lookup was needed (no ENI Service in the run). */
    public static EniIds none() {
        return NONE;
    }

    /** Pod IP to ENI id; an IP absent from the map has no ENI in use. */
    public static EniIds of(Map<String, String> byIp) {
        return new EniIds(byIp, null);
    }

    /** The lookup failed: every ENI Service keeps its backends as they are. */
    public static EniIds unavailable(String why) {
        return new EniIds(Map.of(), Objects.requireNonNull(why, "why"));
    }

    /** The ENI of this pod IP, or empty when it has none. */
    public Optional<String> of(String podIp) {
        return Optional.ofNullable(byIp.get(podIp));
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
