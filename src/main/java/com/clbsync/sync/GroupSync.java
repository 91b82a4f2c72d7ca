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
 * matches the group's, the diff, then adds, weight changes and removals (the API batches and retries
 * them). After a failed or ambiguous write it describes the group again and carries on from what is
 * there: an add that finds the backend present, or a removal that finds it gone, is converged, not an
 * error; a full group gets its removals first.
 */
final class GroupSync {
    /** Write attempts per group, each after a fresh describe (a concurrent run can make several necessary). */
    static final int MAX_ROUNDS = 5;
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
        List<String> notes = new ArrayList<>(weights.warnings(matching));
        if (plan.isEmpty() || !apply) {
            GroupReport.Status status = plan.isEmpty() ? GroupReport.Status.IN_SYNC : GroupReport.Status.WOULD_CHANGE;
            return GroupReport.of(groupId, group.loadBalancerId(), status, services, plan, desired.shares(), notes, errors);
        }
        GroupPlan next = plan;
        boolean removeFirst = false;
        for (int round = 1; ; round++) {
            try {
                write(groupId, next, removeFirst);
                return GroupReport.of(groupId, group.loadBalancerId(), GroupReport.Status.SYNCED, services, plan,
                        desired.shares(), notes, errors);
            } catch (ClbException e) {
                boolean recoverable = e.ambiguous() || e.alreadyExists() || e.notExist() || e.overLimit() || e.retryable();
                if (!recoverable || round == MAX_ROUNDS) {
                    errors.add(e.getMessage() + "; left undone at most: " + summary(next));
                    return GroupReport.of(groupId, group.loadBalancerId(), GroupReport.Status.FAILED, services, plan,
                            desired.shares(), notes, errors);
                }
                // the group may be partly written, or another run wrote it: look again before anything else
                removeFirst |= e.overLimit();
                try {
                    next = GroupDiff.compute(api.describe(groupId).backends(), desired, ownership, groupFreeze);
                } catch (ClbException d) {
                    errors.add(e.getMessage() + "; then " + d.getMessage() + "; left undone at most: " + summary(next));
                    return GroupReport.of(groupId, group.loadBalancerId(), GroupReport.Status.FAILED, services, plan,
                            desired.shares(), notes, errors);
                }
                notes.add(e.code() + " on " + e.action() + ": re-described the group, " + (next.isEmpty()
                        ? "which was already as wanted" : "then continued with " + summary(next)));
                if (next.isEmpty()) {
                    return GroupReport.of(groupId, group.loadBalancerId(), GroupReport.Status.SYNCED, services, plan,
                            desired.shares(), notes, errors);
                }
            }
        }
    }

    /** Adds, weights, removals; removals first when the group was full. */
    private void write(String groupId, GroupPlan plan, boolean removeFirst) throws ClbException {
        if (removeFirst && !plan.removes().isEmpty()) {
            api.remove(groupId, plan.removes());
        }
        if (!plan.adds().isEmpty()) {
            api.add(groupId, plan.adds());
        }
        if (!plan.updates().isEmpty()) {
            api.setWeights(groupId, plan.updates());
        }
        if (!removeFirst && !plan.removes().isEmpty()) {
            api.remove(groupId, plan.removes());
        }
    }

    private static String summary(GroupPlan p) {
        return p.adds().size() + " adds, " + p.updates().size() + " re-weights, " + p.removes().size() + " removals";
    }
}
