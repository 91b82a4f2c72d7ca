package com.clbsync.clb;

import com.clbsync.plan.Backend;
import com.clbsync.plan.LbKind;
import com.google.auto.value.AutoValue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A group of backends as the cloud describes it: a CLB vServer group (of one CLB) or an NLB server group
 * (of a VPC, used by the NLBs in its {@code RelatedLoadBalancerIds}).
 */
@AutoValue
public abstract class VServerGroup {
    public abstract String id();
    public abstract String name();
    /** The load balancers that use the group: a CLB vServer group's one CLB, an NLB server group's related NLBs. */
    public abstract List<String> loadBalancerIds();
    public abstract List<Backend> backends();

    /** A CLB vServer group of {@code loadBalancerId} (empty or null: of none known). */
    public static VServerGroup of(String id, String name, String loadBalancerId, List<Backend> backends) {
        return related(id, name, loadBalancerId == null || loadBalancerId.isEmpty() ? List.of() : List.of(loadBalancerId),
                backends);
    }

    /** A group used by these load balancers (an NLB server group's {@code RelatedLoadBalancerIds}). */
    public static VServerGroup related(String id, String name, List<String> loadBalancerIds, List<Backend> backends) {
        return new AutoValue_VServerGroup(id, name == null ? "" : name,
                loadBalancerIds.stream().sorted().collect(Collectors.toUnmodifiableList()), List.copyOf(backends));
    }

    public LbKind kind() { return LbKind.ofGroup(id()); }

    /** The load balancer reports name it by: its first, or empty when none uses it. */
    public String loadBalancerId() { return loadBalancerIds().isEmpty() ? "" : loadBalancerIds().get(0); }

    /** Whether {@code loadBalancerId} uses the group (a Service naming another load balancer gets nothing written). */
    public boolean belongsTo(String loadBalancerId) { return loadBalancerIds().contains(loadBalancerId); }

    /**
     * What its writes queue behind: a CLB is configured one change at a time (its groups one after another);
     * an NLB server group locks itself while a job runs (each group on its own).
     */
    public String queueKey() { return kind() == LbKind.NLB ? id() : loadBalancerId(); }

    @Override public String toString() { return id() + " of " + loadBalancerIds() + " " + backends(); }
}
