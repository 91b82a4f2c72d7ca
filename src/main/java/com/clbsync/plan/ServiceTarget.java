package com.clbsync.plan;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One Service's contribution to one vServer group, before weights: the backends it wants, how many
 * serving pods stand behind each, and what its annotations say about weights.
 */
public final class ServiceTarget {
    private final ServiceRef service;
    private final String loadBalancerId;
    private final String groupId;
    private final boolean local;
    private final Integer weight;
    private final int defaultWeight;
    private final boolean ignoreWeightUpdate;
    private final BackendType type;
    private final String description;
    private final Map<BackendKey, Integer> podsByBackend;
    private final int servingEndpoints;
    private final Set<BackendKey> zeroOnly;
    private final ServiceLbSpec spec;
    private final boolean slicesMissing;

    private ServiceTarget(ServiceRef service, ServiceLbSpec spec, String groupId, boolean local, String description,
                          Map<BackendKey, Integer> podsByBackend, int servingEndpoints, Set<BackendKey> zeroOnly,
                          boolean slicesMissing) {
        this.service = Objects.requireNonNull(service, "service");
        this.loadBalancerId = spec.loadBalancerId();
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.local = local;
        this.weight = spec.weight();
        this.defaultWeight = spec.defaultWeight();
        this.ignoreWeightUpdate = spec.ignoreWeightUpdate();
        this.type = spec.backendType();
        this.description = Objects.requireNonNull(description, "description");
        this.podsByBackend = Collections.unmodifiableMap(new TreeMap<>(podsByBackend));
        this.servingEndpoints = servingEndpoints;
        Set<BackendKey> z = new TreeSet<>(zeroOnly);
        z.removeAll(podsByBackend.keySet());
        this.zeroOnly = Collections.unmodifiableSet(z);
        this.spec = spec;
        this.slicesMissing = slicesMissing;
    }

    /**
     * @param local            externalTrafficPolicy Local: weights follow the pods on each node
     * @param podsByBackend    every wanted backend with its number of serving pods (0 allowed under Cluster)
     * @param servingEndpoints the Service's ready endpoints in its whole cluster (0: nothing serves it there)
     */
    public static ServiceTarget of(ServiceRef service, ServiceLbSpec spec, String groupId, boolean local,
                                   String description, Map<BackendKey, Integer> podsByBackend, int servingEndpoints) {
        return new ServiceTarget(service, spec, groupId, local, description, podsByBackend, servingEndpoints, Set.of(),
                false);
    }

    /**
     * The same target, also keeping these backends at weight 0 if the group holds them (never adding
     * them): endpoints that are terminating but still serving, so that their connections finish.
     */
    public ServiceTarget withZeroOnly(Set<BackendKey> keys) {
        return new ServiceTarget(service, spec, groupId, local, description, podsByBackend, servingEndpoints, keys,
                slicesMissing);
    }

    /**
     * The same target for a Service that exists but has no EndpointSlice at all (a controller re-creating
     * them, a forced replace): a momentary absence, not a Service without pods, so whatever the group
     * holds of it stays, at weight 0 ({@link #holding}), until its slices return.
     */
    public ServiceTarget withoutSlices() {
        return new ServiceTarget(service, spec, groupId, local, description, podsByBackend, servingEndpoints, zeroOnly,
                true);
    }

    /** Whether the Service had no EndpointSlice when read. */
    public boolean slicesMissing() { return slicesMissing; }

    /**
     * The same target keeping these backends the group holds for it at weight 0, under the description
     * they have (with no slice, the target port's number may not be known).
     */
    public ServiceTarget holding(Set<BackendKey> keys, String heldDescription) {
        Set<BackendKey> all = new TreeSet<>(zeroOnly);
        all.addAll(keys);
        return new ServiceTarget(service, spec, groupId, local, heldDescription, podsByBackend, servingEndpoints, all,
                slicesMissing);
    }

    public ServiceRef service() { return service; }
    public String loadBalancerId() { return loadBalancerId; }
    public String groupId() { return groupId; }
    public boolean local() { return local; }
    /** The Service's {@code ...-weight}, or null when absent. */
    public Integer weight() { return weight; }
    public int defaultWeight() { return defaultWeight; }
    public boolean ignoreWeightUpdate() { return ignoreWeightUpdate; }
    public BackendType type() { return type; }
    public String description() { return description; }
    public Map<BackendKey, Integer> podsByBackend() { return podsByBackend; }
    public int servingEndpoints() { return servingEndpoints; }
    /** Backends kept at weight 0 while the group holds them, never added (not among {@link #podsByBackend}). */
    public Set<BackendKey> zeroOnly() { return zeroOnly; }

    /** A backend of this Service with the given weight. */
    public Backend backend(BackendKey key, int backendWeight) {
        return Backend.of(key, type, backendWeight, description);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ServiceTarget)) return false;
        ServiceTarget t = (ServiceTarget) o;
        return service.equals(t.service) && loadBalancerId.equals(t.loadBalancerId) && groupId.equals(t.groupId)
                && local == t.local && Objects.equals(weight, t.weight) && defaultWeight == t.defaultWeight
                && ignoreWeightUpdate == t.ignoreWeightUpdate && type.equals(t.type)
                && description.equals(t.description) && podsByBackend.equals(t.podsByBackend)
                && servingEndpoints == t.servingEndpoints && zeroOnly.equals(t.zeroOnly) && slicesMissing == t.slicesMissing;
    }
    @Override public int hashCode() {
        return Objects.hash(service, loadBalancerId, groupId, local, weight, defaultWeight, ignoreWeightUpdate, type,
                description, podsByBackend, servingEndpoints, zeroOnly, slicesMissing);
    }
    @Override public String toString() {
        return service + " -> " + groupId + " (" + podsByBackend.size() + " backends" + (weight == null ? "" : ", weight " + weight) + ")";
    }
}
