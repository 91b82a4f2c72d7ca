package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.FrozenService;
import com.clbsync.plan.GroupPlan;

import java.util.List;
import java.util.stream.Collectors;

/** The report for people: per cluster, then per group, then the result. */
public final class ReportText {

    private ReportText() {
    }

    public static String render(SyncReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("clb-sync ").append(r.mode()).append(r.apply() ? "" : " (nothing is written)").append('\n');
        if (!r.scope().equals("full")) {
            sb.append("scope: ").append(r.scope()).append('\n');
        }
        sb.append("clusters:\n");
        for (ClusterReport c : r.clusters()) {
            sb.append("  ").append(c).append('\n');
        }
        if (!r.frozenServices().isEmpty()) {
            sb.append("frozen services (their backends are left as they are):\n");
            for (FrozenService f : r.frozenServices()) {
                sb.append("  ").append(f).append('\n');
            }
        }
        r.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
        r.errors().forEach(e -> sb.append("error: ").append(e).append('\n'));
        r.eventProblems().forEach(e -> sb.append("note: ").append(e).append('\n'));
        r.notes().forEach(e -> sb.append("note: ").append(e).append('\n'));
        for (GroupReport g : r.groups()) {
            group(sb, g);
        }
        sb.append(r.exitCode() == SyncReport.EXIT_OK ? "result: everything " + (r.apply() ? "in sync" : "planned")
                : "result: incomplete: something was frozen, skipped or failed (see above)").append('\n');
        return sb.toString();
    }

    private static void group(StringBuilder sb, GroupReport g) {
        sb.append("group ").append(g.groupId());
        if (!g.loadBalancerId().isEmpty()) {
            sb.append(" (").append(com.clbsync.plan.LbKind.ofGroup(g.groupId()).label()).append(' ').append(g.loadBalancerId())
                    .append(')');
        }
        sb.append(": ").append(statusText(g.status())).append('\n');
        if (!g.services().isEmpty()) {
            sb.append("  services: ").append(g.services().stream().map(Object::toString).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        GroupPlan p = g.plan();
        if (p != null) {
            Changes c = g.made();
            sb.append(String.format("  %s %d, re-weighted %d, removed %d, unchanged %d, foreign %d, kept (frozen) %d%n",
                    g.status() == GroupReport.Status.WOULD_CHANGE ? "would add" : "added", c.adds().size(),
                    c.updates().size(), c.removes().size(), p.unchanged().size(), p.foreign().size(), p.kept().size()));
            lines(sb, "+ ", c.adds());
            lines(sb, "~ ", c.updates());
            lines(sb, "- ", c.removes());
            p.conflicts().forEach(x -> sb.append("  conflict: ").append(x).append('\n'));
        }
        if (!g.left().isEmpty()) {
            sb.append("  left undone: ").append(g.left()).append('\n');
        }
        if (g.shares().size() > 1) {
            g.shares().forEach(s -> sb.append("  share: ").append(s).append('\n'));
        }
        g.ramps().forEach(x -> sb.append("  ramp: ").append(x).append('\n'));
        g.health().forEach(h -> sb.append("  health: ").append(h).append('\n'));
        g.retiredLeft().forEach((owner, n) -> sb.append("  retired owner ").append(owner).append(": ").append(n)
                .append(" backend(s) left\n"));
        g.warnings().forEach(w -> sb.append("  warning: ").append(w).append('\n'));
        g.errors().forEach(e -> sb.append("  error: ").append(e).append('\n'));
    }

    private static String statusText(GroupReport.Status s) {
        switch (s) {
            case IN_SYNC: return "in sync";
            case SYNCED: return "synced";
            case WOULD_CHANGE: return "would change";
            case UNFINISHED: return "UNFINISHED";
            case SKIPPED: return "left alone";
            default: return "FAILED";
        }
    }

    private static void lines(StringBuilder sb, String mark, List<Backend> backends) {
        for (Backend b : backends) {
            sb.append("    ").append(mark).append(b.key()).append(" weight ").append(b.weight()).append("  ")
                    .append(b.description()).append('\n');
        }
    }
}
