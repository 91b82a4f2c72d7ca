package com.clbsync.sync;

import com.clbsync.clb.ClbException;
import com.clbsync.clb.VServerGroup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.plan.Backend;
import com.clbsync.plan.DesiredState;
import com.clbsync.plan.Freeze;
import com.clbsync.plan.ServiceTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A run's CLB work, on a bounded pool of its own: every group in scope described (in parallel), then the
 * planned groups queued by the CLB their describe names: one CLB's groups one after another (concurrent
 * changes to one CLB fail as "configuring"), different CLBs in parallel. Every group on its own: a
 * failure, or anything unexpected, fails that group alone.
 */
final class ClbQueues implements AutoCloseable {
    /** CLB instances synced at the same time. */
    static final int MAX_PARALLEL_CLBS = 4;
    private final VServerGroupApi clb;
    private final Progress progress;
    private final ExecutorService workers;

    ClbQueues(VServerGroupApi clb, Progress progress, int groups) {
        this.clb = clb;
        this.progress = progress;
        this.workers = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL_CLBS, groups)),
                Pools.daemon("clb-sync-clb"));
    }

    /** Every group described, by group id (sorted); one that could not be described says why. */
    Map<String, Described> describe(Set<String> groups) {
        progress.groups(groups.size());
        Map<String, CompletableFuture<Described>> futures = new TreeMap<>();
        for (String g : groups) {
            futures.put(g, CompletableFuture.supplyAsync(() -> Described.of(clb, g), workers));
        }
        Map<String, Described> out = new TreeMap<>();
        futures.forEach((g, f) -> out.put(g, f.join()));
        return out;
    }

    /** Plans every described group, then finishes them (reports, or writes when {@code apply}) queued by CLB. */
    List<GroupReport> sync(Map<String, Described> described, DesiredState desired, Freeze freeze, boolean apply,
                           GroupSync groupSync) {
        List<GroupReport> reports = new ArrayList<>();
        Map<String, List<GroupSync.Planned>> byClb = new TreeMap<>();
        described.forEach((g, d) -> {
            if (d.group == null) {
                reports.add(GroupSync.undescribed(g, targets(desired, g), d.error));
                progress.groupDone();
                return;
            }
            try {
                GroupSync.Planned planned = groupSync.plan(d.group, targets(desired, g), freeze);
                progress.planned(apply ? planned.writeCalls() : 0);
                byClb.computeIfAbsent(d.group.queueKey(), k -> new ArrayList<>()).add(planned);
            } catch (RuntimeException x) {
                reports.add(GroupSync.unexpected(g, targets(desired, g), "while planning", x, false));
                progress.groupDone();
            }
        });
        List<CompletableFuture<List<GroupReport>>> perClb = new ArrayList<>();
        for (List<GroupSync.Planned> clbGroups : byClb.values()) {
            perClb.add(CompletableFuture.supplyAsync(() -> finish(clbGroups, desired, apply, groupSync), workers));
        }
        perClb.forEach(f -> reports.addAll(f.join()));
        return reports;
    }

    /** One CLB's groups, one after another. */
    private List<GroupReport> finish(List<GroupSync.Planned> groups, DesiredState desired, boolean apply, GroupSync groupSync) {
        List<GroupReport> out = new ArrayList<>();
        for (GroupSync.Planned planned : groups) {
            try {
                out.add(groupSync.finish(planned, apply));
            } catch (RuntimeException x) {
                out.add(GroupSync.unexpected(planned.groupId, targets(desired, planned.groupId),
                        apply ? "while writing" : "while planning", x, apply));
            }
            progress.groupDone();
        }
        return out;
    }

    /** A group left out after describing (nothing will be planned or written for it). */
    void skipped() {
        progress.groupDone();
    }

    private static List<ServiceTarget> targets(DesiredState desired, String groupId) {
        return desired.targetsByGroup().getOrDefault(groupId, List.of());
    }

    @Override
    public void close() {
        workers.shutdown();
    }

    /** A group as described, or why it could not be. */
    static final class Described {
        final VServerGroup group;
        final ClbException error;

        private Described(VServerGroup group, ClbException error) {
            this.group = group;
            this.error = error;
        }

        static Described of(VServerGroupApi clb, String groupId) {
            try {
                return new Described(clb.describe(groupId), null);
            } catch (ClbException e) {
                return new Described(null, e);
            } catch (RuntimeException e) {
                // a bug or an answer the adapter did not expect: this group alone fails, untouched
                return new Described(null, new ClbException("DescribeVServerGroupAttribute", 0, ClbException.UNUSABLE_ANSWER,
                        "unexpected " + e.getClass().getSimpleName()));
            }
        }

        /** The backends of the groups described, by group id. */
        static Map<String, List<Backend>> backends(Map<String, Described> described) {
            Map<String, List<Backend>> out = new TreeMap<>();
            described.forEach((g, d) -> {
                if (d.group != null) {
                    out.put(g, d.group.backends());
                }
            });
            return out;
        }
    }
}
