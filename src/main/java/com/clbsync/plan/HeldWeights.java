package com.clbsync.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a vServer group holds that this run may not change: owned backends that are frozen (their
 * cluster or Service), at a contested key, or weight-locked ({@code ignore-weight-update}), each with
 * its current weight. They stay in the traffic, so the weights of everything else are solved around
 * them. Each is attributed to the group's Service whose description it carries; the rest (backends of
 * frozen clusters and frozen Services, whose annotations this run cannot know) are one unattributed
 * part. Also keeps, per Service, the current weight of all its present backends: the CLB's record of
 * how the traffic is split now; and the backends of retired owners, which leave.
 */
public final class HeldWeights {
    private static final HeldWeights NONE = new HeldWeights(Map.of(), Map.of(), 0, Map.of(), Map.of(), List.of());

    private final Map<BackendKey, Integer> weights;
    private final Map<ServiceRef, Long> heldByService;
    private final long unattributed;
    private final Map<ServiceRef, Long> currentByService;
    private final Map<BackendKey, Integer> present;
    private final List<Backend> retired;

    private HeldWeights(Map<BackendKey, Integer> weights, Map<ServiceRef, Long> heldByService, long unattributed,
                        Map<ServiceRef, Long> currentByService, Map<BackendKey, Integer> present, List<Backend> retired) {
        this.weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        this.heldByService = Map.copyOf(heldByService);
        this.unattributed = unattributed;
        this.currentByService = Map.copyOf(currentByService);
        this.present = Map.copyOf(present);
        this.retired = List.copyOf(retired);
    }

    public static HeldWeights none() {
        return NONE;
    }

    /**
     * @param current what the group holds now
     * @param freeze  what this run may not change (frozen owners and Services, contested keys)
     * @param targets the Services this run writes for in the group
     */
    public static HeldWeights of(List<Backend> current, Ownership ownership, Freeze freeze, List<ServiceTarget> targets) {
        Set<BackendKey> locked = new HashSet<>();
        for (ServiceTarget t : targets) {
            if (t.ignoreWeightUpdate()) {
                locked.addAll(t.podsByBackend().keySet());
            }
        }
        Map<BackendKey, Integer> weights = new HashMap<>();
        Map<ServiceRef, Long> held = new HashMap<>();
        Map<ServiceRef, Long> now = new HashMap<>();
        Map<BackendKey, Integer> present = new HashMap<>();
        List<Backend> retired = new ArrayList<>();
        long unattributed = 0;
        for (Backend b : current) {
            Optional<String> owner = ownership.ownerOf(b);
            if (owner.isEmpty() || present.containsKey(b.key())) {
                continue; // foreign backends stay out of the balancing, as before; a repeated row counts once
            }
            present.put(b.key(), b.weight());
            if (ownership.retiredOf(b).isPresent() && freeze.reason(b, owner.get()).isEmpty()) {
                retired.add(b);
                continue;
            }
            Optional<ServiceRef> of = targets.stream().map(ServiceTarget::service)
                    .filter(s -> s.ownerId().equals(owner.get()) && BackendDescription.isOf(b.description(), s)).findFirst();
            of.ifPresent(s -> now.merge(s, (long) b.weight(), Long::sum));
            if (freeze.reason(b, owner.get()).isEmpty() && !locked.contains(b.key())) {
                continue;
            }
            weights.put(b.key(), b.weight());
            if (of.isPresent()) {
                held.merge(of.get(), (long) b.weight(), Long::sum);
            } else {
                unattributed += b.weight();
            }
        }
        return new HeldWeights(weights, held, unattributed, now, present, retired);
    }

    /** Whether this run keeps the backend at this key as it is. */
    public boolean holds(BackendKey key) { return weights.containsKey(key); }
    /** The current weight of a held backend. */
    public int weightOf(BackendKey key) { return weights.get(key); }
    /** The total weight held on this Service's behalf. */
    public long heldOf(ServiceRef service) { return heldByService.getOrDefault(service, 0L); }
    /** The total weight of held backends of no Service in the group (frozen clusters and Services). */
    public long unattributed() { return unattributed; }
    /** The total weight of this Service's backends in the group now, held or not. */
    public long currentOf(ServiceRef service) { return currentByService.getOrDefault(service, 0L); }
    /** The current weight of the owned backend at this key, or empty when the group holds none there. */
    public Optional<Integer> presentWeight(BackendKey key) { return Optional.ofNullable(present.get(key)); }
    /** The backends of retired owners the group holds (not frozen), as they are now: drained, then removed. */
    public List<Backend> retired() { return retired; }
    /** Their total weight now. */
    public long retiredWeight() { return retired.stream().mapToLong(Backend::weight).sum(); }

    @Override public boolean equals(Object o) {
        if (!(o instanceof HeldWeights)) return false;
        HeldWeights h = (HeldWeights) o;
        return weights.equals(h.weights) && heldByService.equals(h.heldByService) && unattributed == h.unattributed
                && currentByService.equals(h.currentByService) && present.equals(h.present) && retired.equals(h.retired);
    }
    @Override public int hashCode() { return Objects.hash(weights, heldByService, unattributed, currentByService, present, retired); }
    @Override public String toString() {
        return "held " + weights.size() + " backends (" + heldByService + ", unattributed " + unattributed + ")";
    }
}
