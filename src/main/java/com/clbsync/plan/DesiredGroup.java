package com.clbsync.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The weighted backends one vServer group should hold, merged from all Services feeding it. A backend
 * key wanted by two Services is contested: neither gets it, and whatever holds it now is left alone.
 */
public final class DesiredGroup {
    private final Map<BackendKey, Backend> backends;
    private final Set<BackendKey> weightLocked;
    private final Map<BackendKey, Set<ServiceRef>> contested;

    private DesiredGroup(Map<BackendKey, Backend> backends, Set<BackendKey> weightLocked,
                         Map<BackendKey, Set<ServiceRef>> contested) {
        this.backends = Collections.unmodifiableMap(new TreeMap<>(backends));
        this.weightLocked = Collections.unmodifiableSet(new TreeSet<>(weightLocked));
        TreeMap<BackendKey, Set<ServiceRef>> c = new TreeMap<>();
        contested.forEach((k, v) -> c.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        this.contested = Collections.unmodifiableMap(c);
    }

    /** Weighs the targets with the policy and merges them. */
    public static DesiredGroup of(List<ServiceTarget> targets, WeightPolicy policy) {
        Map<ServiceRef, List<Backend>> weighted = policy.weigh(targets);
        Map<BackendKey, Backend> backends = new HashMap<>();
        Map<BackendKey, ServiceRef> wantedBy = new HashMap<>();
        Map<BackendKey, Set<ServiceRef>> contested = new HashMap<>();
        Set<BackendKey> locked = new TreeSet<>();
        for (ServiceTarget t : targets) {
            for (Backend b : weighted.getOrDefault(t.service(), List.of())) {
                ServiceRef other = wantedBy.putIfAbsent(b.key(), t.service());
                if (other != null) {
                    contested.computeIfAbsent(b.key(), k -> new TreeSet<>(Set.of(other))).add(t.service());
                    continue;
                }
                backends.put(b.key(), b);
                if (t.ignoreWeightUpdate()) {
                    locked.add(b.key());
                }
            }
        }
        contested.keySet().forEach(k -> {
            backends.remove(k);
            locked.remove(k);
        });
        return new DesiredGroup(backends, locked, contested);
    }

    public static DesiredGroup of(Map<BackendKey, Backend> backends, Set<BackendKey> weightLocked,
                                  Map<BackendKey, Set<ServiceRef>> contested) {
        return new DesiredGroup(backends, weightLocked, contested);
    }

    public static DesiredGroup empty() {
        return new DesiredGroup(Map.of(), Set.of(), Map.of());
    }

    /** The backends the group should hold, by key. */
    public Map<BackendKey, Backend> backends() { return backends; }
    /** Keys whose existing weight must be kept ({@code ignore-weight-update: on}). */
    public Set<BackendKey> weightLocked() { return weightLocked; }
    /** Keys wanted by more than one Service, with those Services. */
    public Map<BackendKey, Set<ServiceRef>> contested() { return contested; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof DesiredGroup)) return false;
        DesiredGroup d = (DesiredGroup) o;
        return backends.equals(d.backends) && weightLocked.equals(d.weightLocked) && contested.equals(d.contested);
    }
    @Override public int hashCode() { return Objects.hash(backends, weightLocked, contested); }
    @Override public String toString() { return backends.values() + (contested.isEmpty() ? "" : " contested=" + contested); }
}
