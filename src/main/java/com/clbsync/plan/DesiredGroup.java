package com.clbsync.plan;

import java.util.ArrayList;
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
    private final List<ServiceShare> shares;

    private DesiredGroup(Map<BackendKey, Backend> backends, Set<BackendKey> weightLocked,
                         Map<BackendKey, Set<ServiceRef>> contested, List<ServiceShare> shares) {
        this.backends = Collections.unmodifiableMap(new TreeMap<>(backends));
        this.weightLocked = Collections.unmodifiableSet(new TreeSet<>(weightLocked));
        TreeMap<BackendKey, Set<ServiceRef>> c = new TreeMap<>();
        contested.forEach((k, v) -> c.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        this.contested = Collections.unmodifiableMap(c);
        this.shares = List.copyOf(shares);
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
        return new DesiredGroup(backends, locked, contested, shares(targets, weighted, contested.keySet(), policy));
    }

    public static DesiredGroup of(Map<BackendKey, Backend> backends, Set<BackendKey> weightLocked,
                                  Map<BackendKey, Set<ServiceRef>> contested) {
        return new DesiredGroup(backends, weightLocked, contested, List.of());
    }

    /** Each Service's wanted share (weight annotation over the group's) and achieved share (its weights over all). */
    private static List<ServiceShare> shares(List<ServiceTarget> targets, Map<ServiceRef, List<Backend>> weighted,
                                             Set<BackendKey> contested, WeightPolicy policy) {
        double intended = targets.stream().filter(t -> t.weight() != null).mapToInt(policy::intendedWeight).sum();
        Map<ServiceRef, Long> sums = new HashMap<>();
        long all = 0;
        for (ServiceTarget t : targets) {
            long sum = weighted.getOrDefault(t.service(), List.of()).stream().filter(b -> !contested.contains(b.key()))
                    .mapToLong(Backend::weight).sum();
            sums.put(t.service(), sum);
            all += sum;
        }
        List<ServiceShare> out = new ArrayList<>();
        for (ServiceTarget t : targets) {
            Double target = t.weight() == null ? null : intended == 0 ? 0.0 : policy.intendedWeight(t) / intended;
            out.add(ServiceShare.of(t.service(), target, all == 0 ? 0 : (double) sums.get(t.service()) / all));
        }
        return out;
    }

    /** The backends the group should hold, by key. */
    public Map<BackendKey, Backend> backends() { return backends; }
    /** Keys whose existing weight must be kept ({@code ignore-weight-update: on}). */
    public Set<BackendKey> weightLocked() { return weightLocked; }
    /** Keys wanted by more than one Service, with those Services. */
    public Map<BackendKey, Set<ServiceRef>> contested() { return contested; }
    /** Each Service's wanted and achieved share of the group's traffic to managed backends. */
    public List<ServiceShare> shares() { return shares; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof DesiredGroup)) return false;
        DesiredGroup d = (DesiredGroup) o;
        return backends.equals(d.backends) && weightLocked.equals(d.weightLocked) && contested.equals(d.contested)
                && shares.equals(d.shares);
    }
    @Override public int hashCode() { return Objects.hash(backends, weightLocked, contested, shares); }
    @Override public String toString() { return backends.values() + (contested.isEmpty() ? "" : " contested=" + contested); }
}
