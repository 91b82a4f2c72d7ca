package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.FrozenService;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceShare;

import java.util.ArrayList;
import java.util.List;

/**
 * The Events an applied run's report calls for, one per Service and group it acted on: its backends
 * added, re-weighted and removed with its wanted and achieved share (Normal); a frozen Service, a group
 * left incomplete or a conflict, with why (Warning). An Event's identity is its outcome (a failure's
 * group, status and error code; a change's summary), never a time or a request id, so the same outcome
 * in the next run counts up the same Event.
 */
final class EventsOfReport {

    private EventsOfReport() {
    }

    static List<ServiceEvent> of(SyncReport report) {
        List<ServiceEvent> out = new ArrayList<>();
        for (FrozenService f : report.frozenServices()) {
            out.add(ServiceEvent.of(f.service(), ServiceEvent.Type.Warning, "FrozenService",
                    "clb-sync leaves this Service's backends as they are: " + f.publicReason()));
        }
        for (GroupReport g : report.groups()) {
            for (ServiceRef s : g.services()) {
                if (!g.errors().isEmpty() || g.status() == GroupReport.Status.FAILED || g.status() == GroupReport.Status.UNFINISHED) {
                    // the outcome and its code only: the errors may quote an API's answer or other namespaces' Services
                    String outcome = g.groupId() + " " + g.status() + " " + g.errorCode();
                    out.add(ServiceEvent.of(s, ServiceEvent.Type.Warning, g.status() == GroupReport.Status.UNFINISHED
                            ? "SyncUnfinished" : "SyncFailed", "vServer group " + g.groupId() + ": "
                            + (g.status() == GroupReport.Status.UNFINISHED ? "not finished this run (the deadline); the next"
                            + " run continues" : "not brought to the wanted state this run") + (g.errorCode().isEmpty()
                            ? "" : " (" + g.errorCode() + ")") + "; clb-sync's report has the details", outcome));
                } else if (g.plan() != null && !g.plan().conflicts().isEmpty()) {
                    out.add(ServiceEvent.of(s, ServiceEvent.Type.Warning, "BackendConflict", "vServer group " + g.groupId()
                            + ": " + g.plan().conflicts().size() + " backends left alone: each is held by a backend clb-sync does"
                            + " not own or wanted by another Service; clb-sync's report names them"));
                }
                int added = mine(g.added(), s);
                int updated = mine(g.updated(), s);
                int removed = mine(g.removed(), s);
                if (added + updated + removed > 0) {
                    out.add(ServiceEvent.of(s, ServiceEvent.Type.Normal, "SyncedBackends", "vServer group " + g.groupId()
                            + ": added " + added + ", re-weighted " + updated + ", removed " + removed + share(g, s) + ramp(g, s)));
                }
                rampWaiting(g, s).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The Service's ramp step, when one is under way: from, to, target. */
    private static String ramp(GroupReport g, ServiceRef s) {
        return g.ramps().stream().filter(x -> x.service().equals(s) && x.waiting().isEmpty()).findFirst()
                .map(x -> String.format("; ramp %.1f%% -> %.1f%% of the ramped traffic (target %.1f%%)", 100 * x.from(),
                        100 * x.to(), 100 * x.target())).orElse("");
    }

    /**
     * A ramp waiting for the health check, said on each of the group's Services: of this one, why in its own
     * terms (its health); of another's, only that it waits (the reason may name Services of other namespaces).
     */
    private static java.util.Optional<ServiceEvent> rampWaiting(GroupReport g, ServiceRef s) {
        return g.ramps().stream().filter(x -> x.service().equals(s) && x.waitsForHealth()).findFirst().map(x -> {
            String own = g.health().stream().filter(h -> h.service().equals(s) && !h.mostlyHealthy()).findFirst()
                    .map(h -> h.healthy() + " of its " + h.all() + " backends pass the load balancer's health check")
                    .orElse("another Service's backends in the group do not pass the load balancer's health check yet");
            return ServiceEvent.of(s, ServiceEvent.Type.Warning, "RampWaiting", String.format("group %s: the ramp's next"
                    + " step (now %.1f%%, target %.1f%%) waits: %s", g.groupId(), 100 * x.from(), 100 * x.target(), own),
                    g.groupId() + " RampWaiting " + own);
        });
    }

    private static int mine(List<Backend> backends, ServiceRef s) {
        return (int) backends.stream().filter(b -> BackendDescription.isWrittenFor(b.description(), s)).count();
    }

    private static String share(GroupReport g, ServiceRef s) {
        return g.shares().stream().filter(x -> x.service().equals(s) && x.target() != null).findFirst()
                .map(x -> String.format("; share %.1f%% wanted, %.1f%% achieved", 100 * x.target(), 100 * x.achieved()))
                .orElse("");
    }
}
