package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.GroupPlan;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceShare;

import java.util.List;
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
        /** Not (fully) brought to the wanted state; see errors. */
        FAILED
    }

    private final String groupId;
    private final String loadBalancerId;
    private final Status status;
    private final List<ServiceRef> services;
    private final GroupPlan plan;
    private final List<ServiceShare> shares;
    private final List<String> warnings;
    private final List<String> errors;

    private GroupReport(String groupId, String loadBalancerId, Status status, List<ServiceRef> services, GroupPlan plan,
                        List<ServiceShare> shares, List<String> warnings, List<String> errors) {
        this.groupId = Objects.requireNonNull(groupId);
        this.loadBalancerId = loadBalancerId == null ? "" : loadBalancerId;
        this.status = Objects.requireNonNull(status);
        this.services = List.copyOf(services);
        this.plan = plan;
        this.shares = List.copyOf(shares);
        this.warnings = List.copyOf(warnings);
        this.errors = List.copyOf(errors);
    }

    public static GroupReport of(String groupId, String loadBalancerId, Status status, List<ServiceRef> services,
                                 GroupPlan plan, List<ServiceShare> shares, List<String> warnings, List<String> errors) {
        return new GroupReport(groupId, loadBalancerId, status, services, plan, shares, warnings, errors);
    }

    /** A group that could not even be described: nothing planned, nothing written. */
    public static GroupReport failed(String groupId, List<ServiceRef> services, String error) {
        return new GroupReport(groupId, "", Status.FAILED, services, null, List.of(), List.of(), List.of(error));
    }

    public String groupId() { return groupId; }
    public String loadBalancerId() { return loadBalancerId; }
    public Status status() { return status; }
    /** The Services mapping into this group. */
    public List<ServiceRef> services() { return services; }
    /** The computed diff; null when the group could not be described. */
    public GroupPlan plan() { return plan; }
    /** Each Service's wanted and achieved share of the traffic to managed backends. */
    public List<ServiceShare> shares() { return shares; }
    /** Remarks that do not make the run incomplete. */
    public List<String> warnings() { return warnings; }
    public List<String> errors() { return errors; }
    public List<Backend> added() { return plan == null ? List.of() : plan.adds(); }
    public List<Backend> updated() { return plan == null ? List.of() : plan.updates(); }
    public List<Backend> removed() { return plan == null ? List.of() : plan.removes(); }

    /** Something here was not done: a failure, an error, or a conflict left alone. */
    public boolean incomplete() {
        return status == Status.FAILED || !errors.isEmpty() || (plan != null && !plan.conflicts().isEmpty());
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof GroupReport)) return false;
        GroupReport g = (GroupReport) o;
        return groupId.equals(g.groupId) && loadBalancerId.equals(g.loadBalancerId) && status == g.status
                && services.equals(g.services) && Objects.equals(plan, g.plan) && shares.equals(g.shares)
                && warnings.equals(g.warnings) && errors.equals(g.errors);
    }
    @Override public int hashCode() { return Objects.hash(groupId, loadBalancerId, status, services, plan, shares, warnings, errors); }
    @Override public String toString() { return groupId + " " + status + " " + plan + " " + errors; }
}
