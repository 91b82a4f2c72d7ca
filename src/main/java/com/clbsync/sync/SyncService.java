package com.clbsync.sync;

import com.clbsync.clb.ClbException;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.kube.ClusterReader;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.DesiredState;
import com.clbsync.plan.DesiredStateBuilder;
import com.clbsync.plan.Freeze;
import com.clbsync.plan.Ownership;
import com.clbsync.plan.ServiceTarget;
import com.clbsync.plan.WeightPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Orchestrates a run: read every cluster (in parallel, each bounded by its timeout), compute what
 * every referenced group should hold, then sync group by group. Returns an immutable report.
 */
public final class SyncService {
    /** CLB instances synced at the same time. */
    static final int MAX_PARALLEL_CLBS = 4;
    private final SyncConfig config;
    private final Map<String, ClusterReader> readers;
    private final VServerGroupApi api;
    private final GroupSync groupSync;
    private final ExecutorService pool;

    /**
     * @param readers one reader per configured cluster, by cluster name
     * @param pool    runs the cluster reads in parallel; shared, not owned
     */
    public SyncService(SyncConfig config, Map<String, ClusterReader> readers, VServerGroupApi api, WeightPolicy weights,
                       ExecutorService pool) {
        this.config = Objects.requireNonNull(config);
        this.readers = Map.copyOf(readers);
        this.api = Objects.requireNonNull(api);
        this.groupSync = new GroupSync(api, weights, Ownership.of(config.ownerIds()));
        this.pool = Objects.requireNonNull(pool);
        for (ClusterConfig c : config.clusters()) {
            if (!readers.containsKey(c.name())) {
                throw new IllegalArgumentException("no reader for cluster " + c.name());
            }
        }
    }

    /** A daemon thread pool for the cluster reads. */
    public static ExecutorService readPool() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "clb-sync-read");
            t.setDaemon(true);
            return t;
        });
    }

    /** Plans ({@code apply == false}: describes only) or applies, over every group. */
    public SyncReport run(boolean apply) {
        return run(apply, SyncScope.full());
    }

    /** Plans or applies over the groups in scope; every cluster is read regardless. */
    public SyncReport run(boolean apply, SyncScope scope) {
        List<ClusterReport> clusterReports = new ArrayList<>();
        List<ClusterView> views = new ArrayList<>();
        readAll(clusterReports, views);
        DesiredState desired = DesiredStateBuilder.build(views);
        Set<String> frozenOwners = clusterReports.stream().filter(ClusterReport::frozen).map(ClusterReport::ownerId)
                .collect(Collectors.toSet());
        Freeze freeze = Freeze.of(frozenOwners, desired.frozenServiceRefs(), Set.of());

        List<String> errors = new ArrayList<>();
        Map<String, String> scanned = new TreeMap<>(); // group -> its CLB
        if (ScopeResolver.needsScan(scope)) {
            for (String lb : config.loadBalancerIds()) {
                try {
                    api.groupIdsOf(lb).forEach(g -> scanned.put(g, lb));
                } catch (ClbException e) {
                    errors.add("CLB " + lb + ": its vServer groups could not be listed, so deleted Services' backends"
                            + " there are not cleaned up this run: " + e.getMessage());
                }
            }
        }
        Set<String> groups = ScopeResolver.groups(scope, desired, views, scanned.keySet());
        List<GroupReport> groupReports = syncByClb(groups, desired, scanned, freeze, apply);
        return SyncReport.of(apply, scope.toString(), clusterReports, desired.frozenServices(), desired.warnings(),
                groupReports, errors);
    }

    /**
     * Syncs the groups, one CLB's groups after another (concurrent changes to one CLB fail as
     * "configuring"), different CLBs in parallel on a bounded pool. Reports come back in group order.
     */
    private List<GroupReport> syncByClb(Set<String> groups, DesiredState desired, Map<String, String> scanned,
                                        Freeze freeze, boolean apply) {
        Map<String, List<String>> byClb = new TreeMap<>();
        for (String g : groups) {
            List<ServiceTarget> targets = desired.targetsByGroup().getOrDefault(g, List.of());
            String clb = targets.isEmpty() ? scanned.getOrDefault(g, "?" + g) : targets.get(0).loadBalancerId();
            byClb.computeIfAbsent(clb, k -> new ArrayList<>()).add(g);
        }
        ExecutorService writers = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL_CLBS, byClb.size())), r -> {
            Thread t = new Thread(r, "clb-sync-write");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<List<GroupReport>>> perClb = new ArrayList<>();
            for (List<String> clbGroups : byClb.values()) {
                perClb.add(CompletableFuture.supplyAsync(() -> {
                    List<GroupReport> reports = new ArrayList<>();
                    for (String g : clbGroups) {
                        reports.add(groupSync.sync(g, desired.targetsByGroup().getOrDefault(g, List.of()), freeze, apply));
                    }
                    return reports;
                }, writers));
            }
            List<GroupReport> all = new ArrayList<>();
            perClb.forEach(f -> all.addAll(f.join()));
            all.sort(Comparator.comparing(GroupReport::groupId));
            return all;
        } finally {
            writers.shutdown();
        }
    }

    private void readAll(List<ClusterReport> reports, List<ClusterView> views) {
        Map<ClusterConfig, CompletableFuture<ClusterSnapshot>> reads = new LinkedHashMap<>();
        for (ClusterConfig c : config.clusters()) {
            ClusterReader reader = readers.get(c.name());
            reads.put(c, CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.read();
                } catch (Exception e) {
                    throw new ReadFailure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }, pool));
        }
        long started = System.nanoTime();
        for (Map.Entry<ClusterConfig, CompletableFuture<ClusterSnapshot>> e : reads.entrySet()) {
            ClusterConfig c = e.getKey();
            try {
                // each cluster's bound counts from the common start, not from the end of the previous wait
                long left = TimeUnit.SECONDS.toNanos(c.timeoutSeconds()) - (System.nanoTime() - started);
                ClusterSnapshot s = e.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (s.nodes().isEmpty()) {
                    reports.add(ClusterReport.frozen(c.name(), c.ownerId(), "the cluster returned no Nodes"));
                } else {
                    reports.add(ClusterReport.read(c.name(), c.ownerId(), s.services().size(), s.nodes().size()));
                    views.add(ClusterView.of(c.name(), c.ownerId(), s));
                }
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                reports.add(ClusterReport.frozen(c.name(), c.ownerId(), "not read within " + c.timeoutSeconds() + " s"));
            } catch (ExecutionException ex) {
                reports.add(ClusterReport.frozen(c.name(), c.ownerId(), ex.getCause().getMessage()));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                reports.add(ClusterReport.frozen(c.name(), c.ownerId(), "interrupted"));
            }
        }
    }

    /** Carries a reader's failure message through the future. */
    private static final class ReadFailure extends RuntimeException {
        ReadFailure(String message) {
            super(message, null, false, false);
        }
    }
}
