package com.clbsync.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a Service's load-balancer annotations ask of clb-sync, already validated. */
public final class ServiceLbSpec {
    private final String loadBalancerId;
    private final List<GroupPort> groups;
    private final Integer weight;
    private final int defaultWeight;
    private final boolean ignoreWeightUpdate;
    private final Map<String, String> backendLabels;
    private final boolean removeUnscheduled;
    private final BackendType backendType;

    private ServiceLbSpec(Builder b) {
        this.loadBalancerId = Objects.requireNonNull(b.loadBalancerId, "loadBalancerId");
        this.groups = List.copyOf(b.groups);
        this.weight = b.weight;
        this.defaultWeight = b.defaultWeight;
        this.ignoreWeightUpdate = b.ignoreWeightUpdate;
        this.backendLabels = Map.copyOf(b.backendLabels);
        this.removeUnscheduled = b.removeUnscheduled;
        this.backendType = b.backendType;
    }

    public static Builder builder(String loadBalancerId) {
        return new Builder(loadBalancerId);
    }

    public String loadBalancerId() { return loadBalancerId; }
    /** A CLB or an NLB, by its id. */
    public LbKind kind() { return LbKind.ofLoadBalancer(loadBalancerId); }
    public List<GroupPort> groups() { return groups; }
    /** The {@code ...-weight} annotation, or null when absent. */
    public Integer weight() { return weight; }
    public int defaultWeight() { return defaultWeight; }
    public boolean ignoreWeightUpdate() { return ignoreWeightUpdate; }
    public Map<String, String> backendLabels() { return backendLabels; }
    public boolean removeUnscheduled() { return removeUnscheduled; }
    /** {@code ecs} or {@code eni}. */
    public BackendType backendType() { return backendType; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ServiceLbSpec)) return false;
        ServiceLbSpec s = (ServiceLbSpec) o;
        return loadBalancerId.equals(s.loadBalancerId) && groups.equals(s.groups) && Objects.equals(weight, s.weight)
                && defaultWeight == s.defaultWeight && ignoreWeightUpdate == s.ignoreWeightUpdate
                && backendLabels.equals(s.backendLabels) && removeUnscheduled == s.removeUnscheduled
                && backendType.equals(s.backendType);
    }
    @Override public int hashCode() {
        return Objects.hash(loadBalancerId, groups, weight, defaultWeight, ignoreWeightUpdate, backendLabels,
                removeUnscheduled, backendType);
    }
    @Override public String toString() {
        return loadBalancerId + " " + groups + (weight == null ? "" : " weight=" + weight) + " " + backendType;
    }

    /** Collects the parsed annotations; defaults are the CCM's. */
    public static final class Builder {
        private final String loadBalancerId;
        private List<GroupPort> groups = List.of();
        private Integer weight;
        private int defaultWeight = 100;
        private boolean ignoreWeightUpdate;
        private Map<String, String> backendLabels = Map.of();
        private boolean removeUnscheduled;
        private BackendType backendType = BackendType.ECS;

        private Builder(String loadBalancerId) { this.loadBalancerId = loadBalancerId; }

        public Builder groups(List<GroupPort> v) { groups = v; return this; }
        public Builder weight(Integer v) { weight = v; return this; }
        public Builder defaultWeight(int v) { defaultWeight = v; return this; }
        public Builder ignoreWeightUpdate(boolean v) { ignoreWeightUpdate = v; return this; }
        public Builder backendLabels(Map<String, String> v) { backendLabels = v; return this; }
        public Builder removeUnscheduled(boolean v) { removeUnscheduled = v; return this; }
        public Builder backendType(BackendType v) { backendType = v; return this; }
        public ServiceLbSpec build() { return new ServiceLbSpec(this); }
    }
}
