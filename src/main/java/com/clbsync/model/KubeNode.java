package com.clbsync.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The parts of a Kubernetes Node that decide whether and how it is a backend. */
public final class KubeNode {
    private final String name;
    private final String providerId;
    private final Map<String, String> labels;
    private final boolean ready;
    private final boolean unschedulable;
    private final Set<String> taintKeys;

    private KubeNode(String name, String providerId, Map<String, String> labels, boolean ready,
                     boolean unschedulable, Set<String> taintKeys) {
        this.name = Objects.requireNonNull(name, "name");
        this.providerId = providerId == null ? "" : providerId;
        this.labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        this.ready = ready;
        this.unschedulable = unschedulable;
        this.taintKeys = taintKeys == null ? Set.of() : Set.copyOf(new TreeSet<>(taintKeys));
    }

    public static KubeNode of(String name, String providerId, Map<String, String> labels, boolean ready,
                              boolean unschedulable, Set<String> taintKeys) {
        return new KubeNode(name, providerId, labels, ready, unschedulable, taintKeys);
    }

    /** A ready, schedulable node without labels or taints. */
    public static KubeNode ready(String name, String providerId) {
        return new KubeNode(name, providerId, Map.of(), true, false, Set.of());
    }

    public String name() { return name; }
    public String providerId() { return providerId; }
    public Map<String, String> labels() { return labels; }
    public boolean ready() { return ready; }
    public boolean unschedulable() { return unschedulable; }
    public Set<String> taintKeys() { return taintKeys; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof KubeNode)) return false;
        KubeNode n = (KubeNode) o;
        return name.equals(n.name) && providerId.equals(n.providerId) && labels.equals(n.labels)
                && ready == n.ready && unschedulable == n.unschedulable && taintKeys.equals(n.taintKeys);
    }
    @Override public int hashCode() { return Objects.hash(name, providerId, labels, ready, unschedulable, taintKeys); }
    @Override public String toString() { return "node " + name + " (" + providerId + (ready ? "" : ", not ready") + ")"; }
}
