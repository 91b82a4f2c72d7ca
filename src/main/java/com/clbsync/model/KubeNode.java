package com.clbsync.model;

import com.google.auto.value.AutoValue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The parts of a Kubernetes Node that decide whether and how it is a backend. */
@AutoValue
public abstract class KubeNode {
    public abstract String name();
    public abstract String providerId();
    public abstract Map<String, String> labels();
    public abstract boolean ready();
    public abstract boolean unschedulable();
    public abstract Set<String> taintKeys();

    public static KubeNode of(String name, String providerId, Map<String, String> labels, boolean ready,
                              boolean unschedulable, Set<String> taintKeys) {
        return new AutoValue_KubeNode(name, providerId == null ? "" : providerId,
                labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels)), ready, unschedulable,
                taintKeys == null ? Set.of() : Set.copyOf(new TreeSet<>(taintKeys)));
    }

    /** A ready, schedulable node without labels or taints. */
    public static KubeNode ready(String name, String providerId) {
        return of(name, providerId, Map.of(), true, false, Set.of());
    }

    @Override public String toString() { return "node " + name() + " (" + providerId() + (ready() ? "" : ", not ready") + ")"; }
}
