package com.clbsync.sync;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.BackendType;
import com.clbsync.plan.ClusterRecognition;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.EniIds;
import com.clbsync.plan.OwnerClaim;
import com.clbsync.plan.Ownership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * After the groups are described: whether each cluster read is the one its entry owns backends of
 * ({@link ClusterRecognition}), and what every configured cluster owns this run. A cluster not
 * recognised is frozen like an unreadable one: its view is dropped, its backends held as they are.
 */
final class ClusterOwners {
    final List<ClusterReport> reports;
    final List<ClusterView> views;
    final Ownership ownership;
    /** The clusters read but not recognised this run. */
    final Set<String> refused;
    /** What the report should say: an earlier version's backends this run could not adopt. */
    final List<String> warnings;

    private ClusterOwners(List<ClusterReport> reports, List<ClusterView> views, Ownership ownership, Set<String> refused,
                          List<String> warnings) {
        this.reports = List.copyOf(reports);
        this.views = List.copyOf(views);
        this.ownership = ownership;
        this.refused = Set.copyOf(refused);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param reports  a report per configured cluster, as read
     * @param views    the clusters read that this run may act on
     * @param enis     the ENIs of their pods' IPs, as looked up this run
     * @param groups   the backends of every group described this run, by group id
     */
    static ClusterOwners recognise(SyncConfig config, List<ClusterReport> reports, List<ClusterView> views, EniIds enis,
                                   Map<String, List<Backend>> groups) {
        Map<String, ClusterView> viewByName = new HashMap<>();
        views.forEach(v -> viewByName.put(v.name(), v));
        // a retired cluster's backends are no evidence about any configured one (a new cluster under the old name)
        Set<String> retired = Set.copyOf(config.retiredOwnerIds());
        Map<String, List<Backend>> evidence = new HashMap<>();
        groups.forEach((g, backends) -> evidence.put(g, backends.stream().filter(b -> BackendDescription.ownerOf(
                b.description()).filter(retired::contains).isEmpty()).collect(java.util.stream.Collectors.toList())));
        Map<String, ClusterReport> reportByName = new HashMap<>();
        reports.forEach(r -> reportByName.put(r.name(), r));
        List<ClusterReport> outReports = new ArrayList<>();
        List<ClusterView> outViews = new ArrayList<>();
        List<OwnerClaim> claims = new ArrayList<>();
        Set<String> refused = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        for (ClusterConfig c : config.clusters()) {
            ClusterReport report = reportByName.get(c.name());
            ClusterView view = viewByName.get(c.name());
            if (view == null) {
                claims.add(OwnerClaim.held(c.name(), c.ownerId(), report == null ? "" : report.identity()));
                if (report != null) {
                    outReports.add(report);
                }
                continue;
            }
            String identity = view.snapshot().identity();
            OwnerClaim claim = OwnerClaim.of(c.name(), c.ownerId(), identity, OwnerClaim.serversOf(view.snapshot(), enis));
            Optional<String> refusal = ClusterRecognition.refusal(claim, identity, c.identity(), evidence);
            if (refusal.isPresent()) {
                refused.add(c.name());
                outReports.add(report.unrecognised(refusal.get()));
                claims.add(OwnerClaim.held(c.name(), c.ownerId(), identity));
            } else {
                outReports.add(report);
                outViews.add(view);
                claims.add(claim);
                if (c.ownerId().isEmpty()) {
                    unadopted(c.name(), claim, evidence).ifPresent(warnings::add);
                }
            }
        }
        return new ClusterOwners(outReports, outViews, Ownership.of(claims).withRetired(config.retiredOwnerIds()), refused, warnings);
    }

    /**
     * The backends an earlier version wrote for this entry (its bare name as the owner) that sit on none of
     * its nodes or pods' ENIs: a node since deleted, or another cluster's under the same name; never adopted.
     */
    private static Optional<String> unadopted(String cluster, OwnerClaim claim, Map<String, List<Backend>> groups) {
        List<String> found = new ArrayList<>();
        groups.forEach((g, backends) -> backends.stream()
                .filter(b -> b.type() != BackendType.OTHER && !claim.isOnOwnServer(b)
                        && BackendDescription.ownerOf(b.description()).equals(Optional.of(cluster)))
                .forEach(b -> found.add(b.key() + " in " + g)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cluster + ": " + found.size() + " backend(s) an earlier version wrote under owner " + cluster + " are"
                + " on none of its nodes (" + String.join(", ", found.subList(0, Math.min(5, found.size())))
                + (found.size() > 5 ? ", ..." : "") + "): whose they are cannot be proved, so they are left alone; remove"
                + " them by hand if they were this cluster's");
    }
}
