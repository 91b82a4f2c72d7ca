package com.clbsync.sync;

import com.clbsync.plan.FrozenService;

import java.util.List;
import java.util.Objects;

/** The immutable outcome of one run over every cluster and group. */
public final class SyncReport {
    /** Everything synced (or, for plan, could be planned). */
    public static final int EXIT_OK = 0;
    /** Something was frozen, skipped or failed. */
    public static final int EXIT_INCOMPLETE = 1;

    private final boolean apply;
    private final String scope;
    private final List<ClusterReport> clusters;
    private final List<FrozenService> frozenServices;
    private final List<String> warnings;
    private final List<GroupReport> groups;
    private final List<String> errors;
    private final List<String> eventProblems;
    private final int clbCalls;
    private final List<String> notes;

    private SyncReport(boolean apply, String scope, List<ClusterReport> clusters, List<FrozenService> frozenServices,
                       List<String> warnings, List<GroupReport> groups, List<String> errors) {
        this.apply = apply;
        this.scope = scope;
        this.clusters = List.copyOf(clusters);
        this.frozenServices = List.copyOf(frozenServices);
        this.warnings = List.copyOf(warnings);
        this.groups = List.copyOf(groups);
        this.errors = List.copyOf(errors);
        this.eventProblems = List.of();
        this.clbCalls = 0;
        this.notes = List.of();
    }

    /** The run's outcome {@code r} with what is added after it: Event problems, the calls counted, notes. */
    private SyncReport(SyncReport r, List<String> eventProblems, int clbCalls, List<String> notes) {
        this.apply = r.apply;
        this.scope = r.scope;
        this.clusters = r.clusters;
        this.frozenServices = r.frozenServices;
        this.warnings = r.warnings;
        this.groups = r.groups;
        this.errors = r.errors;
        this.eventProblems = List.copyOf(eventProblems);
        this.clbCalls = clbCalls;
        this.notes = List.copyOf(notes);
    }

    public static SyncReport of(boolean apply, String scope, List<ClusterReport> clusters,
                                List<FrozenService> frozenServices, List<String> warnings, List<GroupReport> groups,
                                List<String> errors) {
        return new SyncReport(apply, scope, clusters, frozenServices, warnings, groups, errors);
    }

    /** The same report noting Events that could not be written (not a failure of the sync). */
    public SyncReport withEventProblems(List<String> problems) {
        return new SyncReport(this, problems, clbCalls, notes);
    }

    /** The same report with the CLB calls the run made (refused ones included). */
    public SyncReport withClbCalls(int calls) {
        return new SyncReport(this, eventProblems, calls, notes);
    }

    /** The same report with remarks on how the run went that are no problem at all. */
    public SyncReport withNotes(List<String> more) {
        return new SyncReport(this, eventProblems, clbCalls, more);
    }

    /** Remarks that are no problem at all (for example: nothing to do, and why). */
    public List<String> notes() { return notes; }

    /** The CLB calls the run made, refused ones included. */
    public int clbCalls() { return clbCalls; }

    /** {@code apply} or {@code plan}. */
    public String mode() { return apply ? "apply" : "plan"; }
    public boolean apply() { return apply; }
    /** Which groups the run visited: {@code full}, or a description of the targeted scope. */
    public String scope() { return scope; }
    public List<ClusterReport> clusters() { return clusters; }
    public List<FrozenService> frozenServices() { return frozenServices; }
    public List<String> warnings() { return warnings; }
    public List<GroupReport> groups() { return groups; }
    /** Kubernetes Events that could not be written: told, but no failure of the sync. */
    public List<String> eventProblems() { return eventProblems; }
    /** Problems outside any single group (for example a CLB whose groups could not be listed). */
    public List<String> errors() { return errors; }

    public int exitCode() {
        boolean incomplete = clusters.stream().anyMatch(ClusterReport::frozen) || !frozenServices.isEmpty()
                || !warnings.isEmpty() || !errors.isEmpty() || groups.stream().anyMatch(GroupReport::incomplete);
        return incomplete ? EXIT_INCOMPLETE : EXIT_OK;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof SyncReport)) return false;
        SyncReport r = (SyncReport) o;
        return apply == r.apply && scope.equals(r.scope) && clusters.equals(r.clusters) && frozenServices.equals(r.frozenServices)
                && warnings.equals(r.warnings) && groups.equals(r.groups) && errors.equals(r.errors)
                && eventProblems.equals(r.eventProblems) && clbCalls == r.clbCalls && notes.equals(r.notes);
    }
    @Override public int hashCode() {
        return Objects.hash(apply, scope, clusters, frozenServices, warnings, groups, errors, eventProblems, clbCalls, notes);
    }
    @Override public String toString() { return mode() + " " + clusters + " " + groups; }
}
