package com.clbsync.sync;

import com.clbsync.clb.ClbException;
import com.clbsync.clb.VServerGroup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.plan.DesiredGroup;
import com.clbsync.plan.Freeze;
import com.clbsync.plan.GroupDiff;
import com.clbsync.plan.GroupPlan;
import com.clbsync.plan.Ownership;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceTarget;
import com.clbsync.plan.WeightPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Brings one vServer group to its wanted state: one describe, a check that every Service's CLB id
 * matches the group's, the diff, then adds, weight changes and removals (the API batches them).
 */
final class GroupSync {
    private final VServerGroupApi api;
    private final WeightPolicy weights;
    private final Ownership ownership;

    GroupSync(VServerGroupApi api, WeightPolicy weights, Ownership ownership) {
        this.api = api;
        this.weights = weights;
        this.ownership = ownership;
    }

    GroupReport sync(String groupId, List<ServiceTarget> targets, Freeze freeze, boolean apply) {
        List<ServiceRef> services = targets.stream().map(ServiceTarget::service).collect(Collectors.toList());
        VServerGroup group;
        try {
            group = api.describe(groupId);
        } catch (ClbException e) {
            String why = e.groupNotFound() ? "the vServer group does not exist" : e.getMessage();
            return GroupReport.failed(groupId, services, why + "; nothing written to this group");
        }
        List<String> errors = new ArrayList<>();
        List<ServiceTarget> matching = new ArrayList<>();
        List<ServiceRef> mismatched = new ArrayList<>();
        for (ServiceTarget t : targets) {
            if (t.loadBalancerId().equals(group.loadBalancerId())) {
                matching.add(t);
            } else {
                mismatched.add(t.service());
                errors.add(t.service() + ": its loadbalancer-id is " + t.loadBalancerId() + " but the group belongs to "
                        + (group.loadBalancerId().isEmpty() ? "no CLB" : group.loadBalancerId())
                        + "; nothing written on its behalf");
            }
        }
        DesiredGroup desired = DesiredGroup.of(matching, weights);
        Freeze groupFreeze = freeze.withServices(mismatched).withKeys(desired.contested().keySet());
        GroupPlan plan = GroupDiff.compute(group.backends(), desired, ownership, groupFreeze);
        List<String> warnings = weights.warnings(matching);
        if (plan.isEmpty() || !apply) {
            GroupReport.Status status = plan.isEmpty() ? GroupReport.Status.IN_SYNC : GroupReport.Status.WOULD_CHANGE;
            return GroupReport.of(groupId, group.loadBalancerId(), status, services, plan, desired.shares(), warnings, errors);
        }
        try {
            if (!plan.adds().isEmpty()) {
                api.add(groupId, plan.adds());
            }
            if (!plan.updates().isEmpty()) {
                api.setWeights(groupId, plan.updates());
            }
            if (!plan.removes().isEmpty()) {
                api.remove(groupId, plan.removes());
            }
        } catch (ClbException e) {
            errors.add(e.getMessage() + "; the group may be partly changed, the next run continues from what is there");
            return GroupReport.of(groupId, group.loadBalancerId(), GroupReport.Status.FAILED, services, plan,
                    desired.shares(), warnings, errors);
        }
        return GroupReport.of(groupId, group.loadBalancerId(), GroupReport.Status.SYNCED, services, plan, desired.shares(),
                warnings, errors);
    }
}
