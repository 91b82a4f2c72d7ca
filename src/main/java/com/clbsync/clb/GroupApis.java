package com.clbsync.clb;

import com.clbsync.plan.Backend;
import com.clbsync.plan.LbKind;
import com.clbsync.time.Deadline;

import java.util.List;
import java.util.Map;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.Health;
import java.util.function.Supplier;

/**
 * The group calls of every kind of load balancer behind one {@link VServerGroupApi}: a group, a load
 * balancer, goes to its kind's adapter by its id ({@link LbKind}). The NLB adapter is built on its first
 * use, so that a configuration of CLBs alone never loads it.
 */
public final class GroupApis implements VServerGroupApi {
    private final VServerGroupApi clb;
    private final Supplier<VServerGroupApi> nlb;

    private GroupApis(VServerGroupApi clb, Supplier<VServerGroupApi> nlb) {
        this.clb = clb;
        this.nlb = nlb;
    }

    /** @param nlb built once, when an NLB group is first met */
    public static GroupApis of(VServerGroupApi clb, Supplier<VServerGroupApi> nlb) {
        return new GroupApis(clb, memoized(nlb));
    }

    private static Supplier<VServerGroupApi> memoized(Supplier<VServerGroupApi> s) {
        return new Supplier<>() {
            private VServerGroupApi value;

            @Override
            public synchronized VServerGroupApi get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    private VServerGroupApi of(String groupId) {
        return LbKind.ofGroup(groupId) == LbKind.NLB ? nlb.get() : clb;
    }

    @Override public int batchSize(String groupId) { return of(groupId).batchSize(groupId); }
    @Override public VServerGroup describe(String groupId) throws ClbException { return of(groupId).describe(groupId); }
    @Override public Map<BackendKey, Health> health(VServerGroup group) throws ClbException { return of(group.id()).health(group); }
    @Override public void add(String groupId, List<Backend> b) throws ClbException { of(groupId).add(groupId, b); }
    @Override public void remove(String groupId, List<Backend> b) throws ClbException { of(groupId).remove(groupId, b); }
    @Override public void setWeights(String groupId, List<Backend> b) throws ClbException { of(groupId).setWeights(groupId, b); }

    @Override
    public List<VServerGroup> groupsOf(String loadBalancerId) throws ClbException {
        return (LbKind.ofLoadBalancer(loadBalancerId) == LbKind.NLB ? nlb.get() : clb).groupsOf(loadBalancerId);
    }

    @Override
    public VServerGroupApi within(Deadline deadline, CallListener calls) {
        VServerGroupApi c = clb.within(deadline, calls);
        Supplier<VServerGroupApi> n = nlb;
        return new GroupApis(c, memoized(() -> n.get().within(deadline, calls)));
    }
}
