package com.clbsync.sync;

import com.clbsync.clb.ClbException;
import com.clbsync.clb.VServerGroup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.Batches;
import com.clbsync.plan.DesiredGroup;
import com.clbsync.plan.Drain;
import com.clbsync.plan.Freeze;
import com.clbsync.plan.GroupDiff;
import com.clbsync.plan.GroupPlan;
import com.clbsync.plan.HeldWeights;
import com.clbsync.plan.Ownership;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceTarget;
import com.clbsync.plan.WeightPolicy;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.Health;
import com.clbsync.plan.LbKind;
import com.clbsync.plan.Ramp;
import com.clbsync.plan.RampGate;
import com.clbsync.plan.ServiceHealth;
import com.clbsync.plan.ServiceRamp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Brings one described vServer group to its wanted state: a check that every Service's CLB id matches
 * the group's, the weights (solved around what the run may not change), the diff ({@link #plan}; with a
 * drain time, unwanted backends that still live go to weight 0 first and leave once it has passed),
 * then the writes ({@link #finish}, in rounds by {@link GroupWriter}; the API batches, paces, retries and keeps
 * the deadline).
 */
final class GroupSync {
    /** The error code of a group something unexpected stopped (clb-sync's own, not the API's). */
    static final String UNEXPECTED = "Unexpected";
    /** The error code of a Service whose loadbalancer-id is not the group's CLB (clb-sync's own). */
    static final String LB_MISMATCH = "LoadBalancerMismatch";
    private final VServerGroupApi api;
    private final WeightPolicy weights;
    private final Ownership ownership;
    private final Predicate<Backend> live;
    private final DrainLog drains;
    private final Duration drainTime;
    private final Clock clock;
    private final Ramp ramp;
    private final RampLog ramps;
    /** The health check of each CLB read this run, by load balancer id: one call serves all its groups. */
    private final Map<String, Map<BackendKey, Health>> healthByLb = new ConcurrentHashMap<>();

    /**
     * @param api       bound to the run's deadline
     * @param live      whether a backend's ECS instance (a node of a cluster read) or pod IP still exists
     * @param drains    the instance's memory of draining backends
     * @param drainTime how long an unwanted live backend stays at weight 0 before it is removed
     * @param ramps     the instance's memory of its groups' ramp steps
     */
    GroupSync(VServerGroupApi api, WeightPolicy weights, Ownership ownership, Predicate<Backend> live, DrainLog drains,
              Duration drainTime, Clock clock, Ramp ramp, RampLog ramps) {
        this.ramp = ramp;
        this.ramps = ramps;
        this.api = api;
        this.weights = weights;
        this.ownership = ownership;
        this.live = live;
        this.drains = drains;
        this.drainTime = drainTime;
        this.clock = clock;
    }

    /** The report for a group whose describe failed: nothing is written to it. */
    static GroupReport undescribed(String groupId, List<ServiceTarget> targets, ClbException e) {
        GroupReport.Builder report = GroupReport.builder(groupId, services(targets));
        if (e.deadline()) {
            return report.error(e.code(), "not started: " + e.detail()).build(GroupReport.Status.UNFINISHED);
        }
        String why = e.groupNotFound() ? "the vServer group does not exist (" + e.status() + " " + e.code() + ": "
                + e.detail() + ")" : e.getMessage();
        return report.error(e.code(), why + "; nothing written to this group").build(GroupReport.Status.FAILED);
    }

    /**
     * The report for a group something unexpected (a bug, an answer no rule covers) stopped: this group
     * alone fails, the others go on. Before any write nothing was written; after, the next run describes
     * the group again and continues from what it holds.
     */
    static GroupReport unexpected(String groupId, List<ServiceTarget> targets, String when, RuntimeException e,
                                  boolean writing) {
        return GroupReport.builder(groupId, services(targets)).error(UNEXPECTED, "unexpected " + e.getClass().getSimpleName() + " "
                + when + (writing ? "; what was written before it is not known: the next run describes the group again"
                : "; nothing written to this group")).build(GroupReport.Status.FAILED);
    }

    /** The group's wanted state and diff, from its describe: what {@link #finish} writes, or only reports. */
    Planned plan(VServerGroup group, List<ServiceTarget> targets, Freeze freeze) {
        GroupReport.Builder report = GroupReport.builder(group.id(), services(targets)).loadBalancerId(group.loadBalancerId());
        List<ServiceTarget> matching = new ArrayList<>();
        List<ServiceRef> mismatched = new ArrayList<>();
        for (ServiceTarget t : targets) {
            if (group.belongsTo(t.loadBalancerId())) {
                matching.add(t.slicesMissing() ? held(t, group) : t);
            } else {
                mismatched.add(t.service());
                report.error(LB_MISMATCH, t.service() + ": its loadbalancer-id is " + t.loadBalancerId() + " but the "
                        + group.kind().groupWord() + " " + (group.loadBalancerIds().isEmpty() ? "is used by no "
                        + group.kind().label() : "belongs to " + String.join(", ", group.loadBalancerIds()))
                        + "; nothing written on its behalf");
            }
        }
        Freeze groupFreeze = freeze.withServices(mismatched).withKeys(DesiredGroup.contested(matching).keySet());
        HeldWeights held = HeldWeights.of(group.backends(), ownership, groupFreeze, matching);
        RampGate gate = gate(group, report);
        DesiredGroup desired = DesiredGroup.of(matching, weights, held, gate);
        Drain drain = Drain.of(drainTime, live, drains.zeroSince(group.id()), clock.instant())
                .withRetired(b -> ownership.retiredOf(b).isPresent());
        GroupPlan plan = GroupDiff.compute(group.backends(), desired, ownership, groupFreeze, drain);
        report.plan(plan).shares(desired.shares()).warnings(desired.notes()).ramps(desired.ramps())
                .retiredLeft(RetiredLeft.of(group.backends(), plan, ownership));
        if (desired.stepped() && ramp.everySeconds() > 0 && !desired.ramps().stream().allMatch(ServiceRamp::done)) {
            report.warning("ramp: the next step comes at " + clock.instant().plusSeconds(ramp.everySeconds())
                    + " at the earliest (everySeconds " + ramp.everySeconds() + ")");
        }
        gate.health().ifPresent(h -> report.health(matching.stream().map(t -> ServiceHealth.measure(t, held, gate))
                .collect(Collectors.toList())));
        if (!plan.draining().isEmpty()) {
            report.warning("draining " + plan.draining().size() + " backend(s) at weight 0 for " + drainTime.toSeconds()
                    + " s before removal: " + plan.draining().stream().map(b -> b.key().toString())
                    .collect(Collectors.joining(", ")));
        }
        return new Planned(group.id(), report, desired, groupFreeze, drain, plan, api.batchSize(group.id()));
    }

    /**
     * What the group's ramp may do this run: whether its step is due, and the load balancer's health check
     * (one call per CLB per run; an NLB's is not read, so its steps are not health-gated).
     */
    private RampGate gate(VServerGroup group, GroupReport.Builder report) {
        if (!ramp.isOn()) {
            return RampGate.off();
        }
        Instant next = ramps.nextStepAt(group.id(), Duration.ofSeconds(ramp.everySeconds()), clock.instant());
        if (!ramp.healthGate() || group.kind() == LbKind.NLB) {
            if (ramp.healthGate()) {
                report.warning("ramp: an NLB server group's steps are not health-gated (its health check is read per"
                        + " listener, which this version does not)");
            }
            return RampGate.of(Ramp.of(ramp.stepPercent(), ramp.everySeconds(), false), next, null, "");
        }
        Map<BackendKey, Health> health = healthByLb.get(group.loadBalancerId());
        if (health == null) {
            try {
                health = api.health(group);
                healthByLb.put(group.loadBalancerId(), health);
            } catch (ClbException e) {
                return RampGate.of(ramp, next, null, e.getMessage());
            } catch (RuntimeException e) {
                return RampGate.of(ramp, next, null, "unexpected " + e.getClass().getSimpleName());
            }
        }
        return RampGate.of(ramp, next, health, "");
    }

    /** A target whose Service has no EndpointSlice: the owned backends the group holds of it stay, at weight 0. */
    private ServiceTarget held(ServiceTarget t, VServerGroup group) {
        List<Backend> mine = group.backends().stream().filter(b -> ownership.ownerOf(b).equals(java.util.Optional.of(
                t.service().ownerId())) && BackendDescription.isOf(b.description(), t.service())).collect(Collectors.toList());
        return mine.isEmpty() ? t : t.holding(mine.stream().map(Backend::key).collect(Collectors.toSet()),
                mine.get(0).description());
    }

    /** Reports a planned group as in sync or as it would change ({@code apply == false}), or writes it. */
    GroupReport finish(Planned p, boolean apply) {
        if (apply) {
            drains.update(p.groupId, p.plan.draining(), clock.instant());
            if (ramp.isOn()) {
                ramps.update(p.groupId, p.desired.stepped(), clock.instant());
            }
        }
        if (p.plan.isEmpty()) {
            return p.report.build(GroupReport.Status.IN_SYNC);
        }
        if (!apply) {
            return p.report.made(Changes.of(p.plan)).build(GroupReport.Status.WOULD_CHANGE);
        }
        return new GroupWriter(api, ownership, live).write(p, Changes.of(p.plan));
    }

    /** A described group with what it should hold and the diff to get there. */
    static final class Planned {
        final String groupId;
        final GroupReport.Builder report;
        final DesiredGroup desired;
        final Freeze freeze;
        final Drain drain;
        final GroupPlan plan;
        private final int batchSize;

        Planned(String groupId, GroupReport.Builder report, DesiredGroup desired, Freeze freeze, Drain drain, GroupPlan plan,
                int batchSize) {
            this.batchSize = batchSize;
            this.groupId = groupId;
            this.report = report;
            this.desired = desired;
            this.freeze = freeze;
            this.drain = drain;
            this.plan = plan;
        }

        /** The write calls the diff needs, at most the group's batch size each. */
        int writeCalls() {
            return Batches.calls(plan.adds().size(), batchSize) + Batches.calls(plan.updates().size(), batchSize)
                    + Batches.calls(plan.removes().size(), batchSize);
        }
    }

    private static List<ServiceRef> services(List<ServiceTarget> targets) {
        return targets.stream().map(ServiceTarget::service).collect(Collectors.toList());
    }
}
