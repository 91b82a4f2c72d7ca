package com.clbsync.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The weighted backends one vServer group should hold, merged from all Services feeding it. A backend
 * key wanted by two Services is contested: neither gets it, and whatever holds it now is left alone.
 */
public final class DesiredGroup {
    private final Map<BackendKey, Backend> backends;
    private final Set<BackendKey> weightLocked;
    private final Map<BackendKey, Set<ServiceRef>> contested;
    private final List<ServiceShare> shares;
    private final List<String> notes;
    private final Set<BackendKey> keepOnly;
    private final List<ServiceRamp> ramps;
    private final boolean stepped;

    private DesiredGroup(Map<BackendKey, Backend> backends, Set<BackendKey> weightLocked,
                         Map<BackendKey, Set<ServiceRef>> contested, List<ServiceShare> shares, List<String> notes,
                         Set<BackendKey> keepOnly, List<ServiceRamp> ramps, boolean stepped) {
        this.ramps = List.copyOf(ramps);
        this.stepped = stepped;
        this.backends = Collections.unmodifiableMap(new TreeMap<>(backends));
        this.weightLocked = Collections.unmodifiableSet(new TreeSet<>(weightLocked));
        TreeMap<BackendKey, Set<ServiceRef>> c = new TreeMap<>();
        contested.forEach((k, v) -> c.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        this.contested = Collections.unmodifiableMap(c);
        this.shares = List.copyOf(shares);
        this.notes = List.copyOf(notes);
        this.keepOnly = Collections.unmodifiableSet(new TreeSet<>(keepOnly));
    }

    /** Weighs the targets with the policy, with nothing held, and merges them. */
    public static DesiredGroup of(List<ServiceTarget> targets, WeightPolicy policy) {
        return of(targets, policy, HeldWeights.none());
    }

    /** Weighs the targets with the policy around what the group holds that this run may not change, and merges them. */
    public static DesiredGroup of(List<ServiceTarget> targets, WeightPolicy policy, HeldWeights held) {
        return of(targets, policy, held, RampGate.off());
    }

    /** The same, shares moving in the steps {@code gate} allows; retired owners' backends kept while they still carry weight. */
    public static DesiredGroup of(List<ServiceTarget> targets, WeightPolicy policy, HeldWeights held, RampGate gate) {
        Weighing weighing = policy.weigh(targets, held, gate);
        Map<BackendKey, Backend> backends = new HashMap<>();
        Map<BackendKey, Set<ServiceRef>> contested = contested(targets);
        Set<BackendKey> locked = new TreeSet<>();
        for (ServiceTarget t : targets) {
            for (Backend b : weighing.backends().getOrDefault(t.service(), List.of())) {
                if (contested.containsKey(b.key())) {
                    continue;
                }
                backends.put(b.key(), b);
                if (t.ignoreWeightUpdate()) {
                    locked.add(b.key());
                }
            }
        }
        weighing.retired().stream().filter(b -> b.weight() > 0 && !contested.containsKey(b.key()))
                .forEach(b -> backends.put(b.key(), b));
        Set<BackendKey> keepOnly = targets.stream().filter(t -> t.local() && t.servingEndpoints() == 0)
                .flatMap(t -> t.podsByBackend().keySet().stream()).collect(Collectors.toCollection(HashSet::new));
        for (ServiceTarget t : targets) {
            for (BackendKey key : t.zeroOnly()) {
                if (!contested.containsKey(key) && !backends.containsKey(key)) {
                    backends.put(key, t.backend(key, 0));
                    keepOnly.add(key);
                }
            }
        }
        return new DesiredGroup(backends, locked, contested, weighing.shares(), weighing.notes(), keepOnly,
                weighing.ramps(), weighing.stepped());
    }

    public static DesiredGroup of(Map<BackendKey, Backend> backends, Set<BackendKey> weightLocked,
                                  Map<BackendKey, Set<ServiceRef>> contested) {
        return new DesiredGroup(backends, weightLocked, contested, List.of(), List.of(), Set.of(), List.of(), false);
    }

    /** Keys wanted by more than one of these Services, with the Services: neither gets them. */
    public static Map<BackendKey, Set<ServiceRef>> contested(List<ServiceTarget> targets) {
        Map<BackendKey, ServiceRef> wantedBy = new HashMap<>();
        Map<BackendKey, Set<ServiceRef>> contested = new HashMap<>();
        for (ServiceTarget t : targets) {
            for (BackendKey key : t.podsByBackend().keySet()) {
                ServiceRef other = wantedBy.putIfAbsent(key, t.service());
                if (other != null && !other.equals(t.service())) {
                    contested.computeIfAbsent(key, k -> new TreeSet<>(Set.of(other))).add(t.service());
                }
            }
        }
        return contested;
    }

    /** The backends the group should hold, by key. */
    public Map<BackendKey, Backend> backends() { return backends; }
    /** Keys whose existing weight must be kept ({@code ignore-weight-update: on}). */
    public Set<BackendKey> weightLocked() { return weightLocked; }
    /** Keys wanted by more than one Service, with those Services. */
    public Map<BackendKey, Set<ServiceRef>> contested() { return contested; }
    /** Each Service's wanted and achieved share of the group's traffic to managed backends. */
    public List<ServiceShare> shares() { return shares; }
    /**
     * Keys wanted only if the group already holds them: the eligible nodes of a Local Service with no
     * serving endpoint in its cluster (failover), whose backends stay attached at weight 0, with no
     * node added for it, and take traffic again when the endpoints return; and every target's
     * {@link ServiceTarget#zeroOnly} backends (terminating endpoints still serving), at weight 0.
     */
    public Set<BackendKey> keepOnly() { return keepOnly; }

    /** Each Service's ramp, while one is under way. */
    public List<ServiceRamp> ramps() { return ramps; }
    /** Whether this is a ramp step (the group's step clock starts again when it is applied). */
    public boolean stepped() { return stepped; }

    /** The weight policy's remarks on this group. */
    public List<String> notes() { return notes; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof DesiredGroup)) return false;
        DesiredGroup d = (DesiredGroup) o;
        return backends.equals(d.backends) && weightLocked.equals(d.weightLocked) && contested.equals(d.contested)
                && shares.equals(d.shares) && notes.equals(d.notes) && keepOnly.equals(d.keepOnly) && ramps.equals(d.ramps)
                && stepped == d.stepped;
    }
    @Override public int hashCode() { return Objects.hash(backends, weightLocked, contested, shares, notes, keepOnly, ramps, stepped); }
    @Override public String toString() { return backends.values() + (contested.isEmpty() ? "" : " contested=" + contested); }
}
