package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.GroupPlan;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceHealth;
import com.clbsync.plan.ServiceRamp;
import com.clbsync.plan.ServiceShare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/** What happened to one vServer group in a run. */
public final class GroupReport {
    /** The outcome for a group. */
    public enum Status {
        /** Already as wanted: one describe, no write. */
        IN_SYNC,
        /** Written and now as wanted. */
        SYNCED,
        /** Plan only: these changes would be made. */
        WOULD_CHANGE,
        /** Stopped by the run's deadline; whole batches only, the rest is left for the next run. */
        UNFINISHED,
        /** Left alone on purpose (a group the CCM created, found by scanning a CLB). */
        SKIPPED,
        /** Not (fully) brought to the wanted state; see errors. */
        FAILED
    }

    private final String groupId;
    private final String loadBalancerId;
    private final Status status;
    private final List<ServiceRef> services;
    private final GroupPlan plan;
    private final Changes made;
    private final Changes left;
    private final List<ServiceShare> shares;
    private final List<String> warnings;
    private final List<String> errors;
    private final String errorCode;
    private final List<ServiceRamp> ramps;
    private final List<ServiceHealth> health;
    private final Map<String, Integer> retiredLeft;

    private GroupReport(Builder b, Status status) {
        this.ramps = List.copyOf(b.ramps);
        this.health = List.copyOf(b.health);
        this.retiredLeft = Collections.unmodifiableMap(new TreeMap<>(b.retiredLeft));
        this.groupId = Objects.requireNonNull(b.groupId);
        this.loadBalancerId = b.loadBalancerId == null ? "" : b.loadBalancerId;
        this.status = Objects.requireNonNull(status);
        this.services = List.copyOf(b.services);
        this.plan = b.plan;
        this.made = b.made;
        this.left = b.left;
        this.shares = List.copyOf(b.shares);
        this.warnings = List.copyOf(b.warnings);
        this.errors = List.copyOf(b.errors);
        this.errorCode = b.errorCode;
    }

    /** Collects a group's outcome while it is synced. */
    /** A group the CCM created for a Service of its own, found by scanning: left alone. */
    static GroupReport createdByCcm(com.clbsync.clb.VServerGroup listed) {
        return builder(listed.id(), List.of()).loadBalancerId(listed.loadBalancerId())
                .warning("named " + listed.name() + ": a group the CCM created for a Service of its own; left alone")
                .build(Status.SKIPPED);
    }

    public static Builder builder(String groupId, List<ServiceRef> services) {
        return new Builder(groupId, services);
    }

    /** A group that could not even be described: nothing planned, nothing written. */
    public static GroupReport failed(String groupId, List<ServiceRef> services, String error) {
        return builder(groupId, services).error(error).build(Status.FAILED);
    }

    public String groupId() { return groupId; }
    public String loadBalancerId() { return loadBalancerId; }
    public Status status() { return status; }
    /** The Services mapping into this group. */
    public List<ServiceRef> services() { return services; }
    /** The diff computed from the first describe; null when the group was not described. */
    public GroupPlan plan() { return plan; }
    /** The changes actually made (apply; judged from a describe after a failed write), or planned (plan). */
    public Changes made() { return made; }
    /** The changes left undone (a failure or the deadline): the next run continues from what the CLB then holds. */
    public Changes left() { return left; }
    /** Each Service's wanted and achieved share of the traffic to managed backends. */
    public List<ServiceShare> shares() { return shares; }
    /** Remarks that do not make the run incomplete. */
    public List<String> warnings() { return warnings; }
    public List<String> errors() { return errors; }
    /**
     * The code of the first failure: the API's documented code or one of clb-sync's own (no answer,
     * deadline, unusable answer, unexpected, CLB mismatch); empty when none was given. Per-answer text
     * such as a request id is never in it: it is what makes two runs' failures the same outcome.
     */
    public String errorCode() { return errorCode; }
    /** Each Service's ramp, while one is under way (from, to, target, why it waits). */
    public List<ServiceRamp> ramps() { return ramps; }
    /** What the load balancer's health check says of each Service's backends (when read: with a ramp). */
    public List<ServiceHealth> health() { return health; }
    /** Backends of each retired owner the group still holds after this run (none: the owner is gone from it). */
    public Map<String, Integer> retiredLeft() { return retiredLeft; }
    public List<Backend> added() { return made.adds(); }
    public List<Backend> updated() { return made.updates(); }
    public List<Backend> removed() { return made.removes(); }

    /** Something here was not done: a failure, the deadline, an error, or a conflict left alone. */
    public boolean incomplete() {
        return status == Status.FAILED || status == Status.UNFINISHED || !errors.isEmpty()
                || (plan != null && !plan.conflicts().isEmpty());
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof GroupReport)) return false;
        GroupReport g = (GroupReport) o;
        return groupId.equals(g.groupId) && loadBalancerId.equals(g.loadBalancerId) && status == g.status
                && services.equals(g.services) && Objects.equals(plan, g.plan) && made.equals(g.made)
                && left.equals(g.left) && shares.equals(g.shares) && warnings.equals(g.warnings) && errors.equals(g.errors)
                && errorCode.equals(g.errorCode) && ramps.equals(g.ramps) && health.equals(g.health)
                && retiredLeft.equals(g.retiredLeft);
    }
    @Override public int hashCode() {
        return Objects.hash(groupId, loadBalancerId, status, services, plan, made, left, shares, warnings, errors);
    }
    @Override public String toString() { return groupId + " " + status + " made " + made + " left " + left + " " + errors; }

    /** The mutable side of a report, filled step by step by the group's sync. */
    public static final class Builder {
        private final String groupId;
        private final List<ServiceRef> services;
        private String loadBalancerId = "";
        private GroupPlan plan;
        private Changes made = Changes.none();
        private Changes left = Changes.none();
        private List<ServiceShare> shares = List.of();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private String errorCode = "";
        private List<ServiceRamp> ramps = List.of();
        private List<ServiceHealth> health = List.of();
        private Map<String, Integer> retiredLeft = Map.of();

        private Builder(String groupId, List<ServiceRef> services) {
            this.groupId = groupId;
            this.services = List.copyOf(services);
        }

        public Builder loadBalancerId(String v) { loadBalancerId = v; return this; }
        public Builder plan(GroupPlan v) { plan = v; return this; }
        public Builder made(Changes v) { made = v; return this; }
        public Builder left(Changes v) { left = v; return this; }
        public Builder shares(List<ServiceShare> v) { shares = v; return this; }
        public Builder ramps(List<ServiceRamp> v) { ramps = v; return this; }
        public Builder health(List<ServiceHealth> v) { health = v; return this; }
        public Builder retiredLeft(Map<String, Integer> v) { retiredLeft = v; return this; }
        public Builder warning(String v) { warnings.add(v); return this; }
        public Builder warnings(List<String> v) { warnings.addAll(v); return this; }
        public Builder error(String v) { errors.add(v); return this; }
        /** An error with the code it comes with; the first code given is the report's {@link #errorCode()}. */
        public Builder error(String code, String v) {
            errorCode = errorCode.isEmpty() ? code : errorCode;
            return error(v);
        }
        public GroupReport build(Status status) { return new GroupReport(this, status); }
    }
}
