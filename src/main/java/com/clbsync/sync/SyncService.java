package com.clbsync.sync;

import com.clbsync.clb.ClbException;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.VServerGroup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.kube.ClusterReader;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.DesiredState;
import com.clbsync.plan.DesiredStateBuilder;
import com.clbsync.plan.EniIds;
import com.clbsync.plan.Freeze;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.WeightPolicy;
import com.clbsync.time.Deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Orchestrates a run, and only that: read every cluster ({@link ClusterReads}), look up the ENIs of ENI
 * Services' pods, compute what every referenced group should hold ({@link DesiredStateBuilder}), describe
 * the groups, recognise each cluster against them ({@link ClusterOwners}), plan and write them queued by
 * CLB ({@link ClbQueues}, {@link GroupSync}), then write the Events ({@link EventWriter}). Returns an
 * immutable report.
 */
public final class SyncService {
    /** The budget of a run on the command line. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(5);
    private final SyncConfig config;
    private final Map<String, ClusterReader> readers;
    private final VServerGroupApi api;
    private final WeightPolicy weights;
    private final ExecutorService pool;
    // optional collaborators: set only on a fresh copy by the with... methods, never changed after
    private Consumer<Progress.Snapshot> progressSink;
    private Duration progressEvery = Duration.ZERO;
    private Map<String, ServiceEvents> events = Map.of();
    private EniLookup enis = EniLookup.NONE;
    private DrainLog drains = new DrainLog();
    private RampLog ramps = new RampLog();
    private SnapshotCache snapshots = new SnapshotCache();

    /**
     * @param readers one reader per configured cluster, by cluster name
     * @param pool    runs the cluster reads in parallel; shared, not owned
     */
    public SyncService(SyncConfig config, Map<String, ClusterReader> readers, VServerGroupApi api, WeightPolicy weights,
                       ExecutorService pool) {
        this.config = Objects.requireNonNull(config);
        this.readers = Map.copyOf(readers);
        this.api = Objects.requireNonNull(api);
        this.weights = Objects.requireNonNull(weights);
        this.pool = Objects.requireNonNull(pool);
        for (ClusterConfig c : config.clusters()) {
            if (!readers.containsKey(c.name())) {
                throw new IllegalArgumentException("no reader for cluster " + c.name());
            }
        }
    }

    private SyncService with(Consumer<SyncService> change) {
        SyncService s = new SyncService(config, readers, api, weights, pool);
        s.progressSink = progressSink;
        s.progressEvery = progressEvery;
        s.events = events;
        s.enis = enis;
        s.drains = drains;
        s.ramps = ramps;
        s.snapshots = snapshots;
        change.accept(s);
        return s;
    }

    /** The same service, telling {@code sink} where a run stands every {@code every} while it lasts. */
    public SyncService withProgress(Consumer<Progress.Snapshot> sink, Duration every) {
        Objects.requireNonNull(sink);
        return with(s -> {
            s.progressSink = sink;
            s.progressEvery = every;
        });
    }

    /** The same service, writing Events on the Services an applied run acts on, in their clusters (by name). */
    public SyncService withEvents(Map<String, ServiceEvents> writers) {
        Map<String, ServiceEvents> copy = Map.copyOf(writers);
        return with(s -> s.events = copy);
    }

    /** The same service, looking up the ENIs of ENI Services' pods with {@code lookup} (without it, they are frozen). */
    public SyncService withEnis(EniLookup lookup) {
        Objects.requireNonNull(lookup);
        return with(s -> s.enis = lookup);
    }

    /** The same service, remembering draining backends in {@code log}: one per instance, shared by its runs. */
    public SyncService withDrainLog(DrainLog log) {
        Objects.requireNonNull(log);
        return with(s -> s.drains = log);
    }

    /** The same service, remembering its groups' ramp steps in {@code log}: one per instance, shared by its runs. */
    public SyncService withRampLog(RampLog log) {
        Objects.requireNonNull(log);
        return with(s -> s.ramps = log);
    }

    /** The same service, keeping the clusters' snapshots in {@code cache}: one per instance, shared by its runs. */
    public SyncService withSnapshots(SnapshotCache cache) {
        Objects.requireNonNull(cache);
        return with(s -> s.snapshots = cache);
    }

    /** A bounded pool of daemon threads for the reads of {@code clusters} clusters (see {@link Pools#reads}). */
    public static ExecutorService readPool(int clusters) {
        return Pools.reads(clusters);
    }

    /** Plans ({@code apply == false}: describes only) or applies, over every group, within the default budget. */
    public SyncReport run(boolean apply) {
        return run(apply, SyncScope.full(), Deadline.in(DEFAULT_BUDGET));
    }

    /** Plans or applies over the groups in scope, within the default budget. */
    public SyncReport run(boolean apply, SyncScope scope) {
        return run(apply, scope, Deadline.in(DEFAULT_BUDGET));
    }

    /**
     * Plans or applies over the groups in scope; every cluster is read regardless. Nothing runs past
     * {@code deadline}: groups it stops are reported as unfinished, with what is left undone.
     */
    public SyncReport run(boolean apply, SyncScope scope, Deadline deadline) {
        Progress progress = new Progress(deadline.clock());
        // the warm state is doubtful from here: only an applied run that comes to its end clean makes it good
        boolean wasInStep = snapshots.begin();
        try (Progress.Ticking ticking = progress.ticking(progressSink, progressEvery)) {
            Map<ServiceRef, String> uids = new HashMap<>();
            ClusterReads.Outcome reads = new ClusterReads(config, readers, pool, snapshots).read(scope, deadline);
            boolean unchanged = apply && !scope.isFull() && reads.allUnchanged && wasInStep;
            SyncReport report = (unchanged ? unchanged(scope, reads) : sync(apply, scope, deadline, progress, reads, uids))
                    .withClbCalls(progress.snapshot().calls());
            if (!apply) {
                return report;
            }
            report = new EventWriter(events).write(report, deadline, uids);
            snapshots.applied(wasInStep, scope.isFull(), report.exitCode() == SyncReport.EXIT_OK, !unchanged && reads.anyFull);
            return report;
        }
    }

    /** A targeted event whose objects read back unchanged while every group was in step: nothing to describe or write. */
    private SyncReport unchanged(SyncScope scope, ClusterReads.Outcome reads) {
        return SyncReport.of(true, scope.toString(), reads.reports, List.of(), config.warnings(), List.of(), List.of())
                .withNotes(List.of("nothing this event names has changed since the last clean run, which left every"
                        + " group as wanted: nothing described, nothing written"));
    }

    /** @param uids filled with the UID of every Service read, for the Events */
    private SyncReport sync(boolean apply, SyncScope scope, Deadline deadline, Progress progress, ClusterReads.Outcome reads,
                            Map<ServiceRef, String> uids) {
        VServerGroupApi clb = api.within(deadline, progress);
        EniIds eniIds = eniIds(reads.views, deadline, progress);
        DesiredState desired = DesiredStateBuilder.build(reads.views, eniIds, config.access());
        List<String> errors = new ArrayList<>();
        Map<String, VServerGroup> scanned = scan(scope, clb, errors);
        List<GroupReport> groupReports = new ArrayList<>();
        Set<String> toSync = new TreeSet<>();
        for (String g : ScopeResolver.groups(scope, desired, reads.views, scanned.keySet())) {
            if (ScopeResolver.createdByCcm(g, scanned, desired)) {
                groupReports.add(GroupReport.createdByCcm(scanned.get(g)));
            } else {
                toSync.add(g);
            }
        }
        try (ClbQueues queues = new ClbQueues(clb, progress, toSync.size())) {
            Map<String, ClbQueues.Described> described = queues.describe(toSync);
            // which cluster is which: a cluster whose API server answers for another cluster moves nothing
            ClusterOwners owners = ClusterOwners.recognise(config, reads.reports, reads.views, eniIds,
                    ClbQueues.Described.backends(described));
            if (!owners.refused.isEmpty()) {
                owners.refused.forEach(snapshots::drop);
                desired = DesiredStateBuilder.build(owners.views, eniIds, config.access());
                Set<String> still = ScopeResolver.groups(scope, desired, owners.views, scanned.keySet());
                // a group only the refused cluster's Services asked for is left exactly as it is
                new ArrayList<>(described.keySet()).stream().filter(g -> !still.contains(g)).forEach(g -> {
                    described.remove(g);
                    queues.skipped();
                });
            }
            owners.views.forEach(v -> v.snapshot().services().forEach(s -> uids.put(
                    ServiceRef.of(v.name(), v.ownerId(), s.namespace(), s.name()), s.uid())));
            Freeze freeze = Freeze.forRun(owners.ownership, desired, ScopeResolver.removable(scope, reads.readInFull,
                    reads.instancesReadAfresh, owners.views));
            GroupSync groupSync = new GroupSync(clb, weights, owners.ownership, desired::isLive, drains,
                    Duration.ofSeconds(config.drainSeconds()), deadline.clock(), config.ramp(), ramps);
            groupReports.addAll(queues.sync(described, desired, freeze, apply, groupSync));
            groupReports.sort(Comparator.comparing(GroupReport::groupId));
            List<String> warnings = new ArrayList<>(config.warnings());
            warnings.addAll(owners.warnings);
            warnings.addAll(desired.warnings());
            return SyncReport.of(apply, scope.toString(), owners.reports, desired.frozenServices(), warnings, groupReports, errors)
                    .withNotes(retiredNotes(groupReports));
        }
    }

    /** What is left of each retired owner in the groups this run visited, until nothing is. */
    private List<String> retiredNotes(List<GroupReport> groups) {
        List<String> notes = new ArrayList<>();
        for (String owner : config.retiredOwnerIds()) {
            int left = groups.stream().mapToInt(g -> g.retiredLeft().getOrDefault(owner, 0)).sum();
            long where = groups.stream().filter(g -> g.retiredLeft().containsKey(owner)).count();
            notes.add("retired owner " + owner + ": " + (left == 0 ? "nothing left in the groups visited" : left
                    + " backend(s) left in " + where + " group(s): at weight 0 for drainSeconds, then removed"));
        }
        return notes;
    }

    /** The groups of the scanned CLBs ({@code loadBalancerIds}), when the scope calls for it; a CLB that fails is an error. */
    private Map<String, VServerGroup> scan(SyncScope scope, VServerGroupApi clb, List<String> errors) {
        Map<String, VServerGroup> scanned = new TreeMap<>();
        if (ScopeResolver.needsScan(scope)) {
            for (String lb : config.loadBalancerIds()) {
                try {
                    clb.groupsOf(lb).forEach(g -> scanned.put(g.id(), g));
                } catch (ClbException | RuntimeException e) {
                    errors.add("CLB " + lb + ": its vServer groups could not be listed, so deleted Services' backends"
                            + " there are not cleaned up this run: " + (e instanceof ClbException ? e.getMessage()
                            : "unexpected " + e.getClass().getSimpleName()));
                }
            }
        }
        return scanned;
    }

    /** The ENI of every pod IP the ENI Services need, in one batched lookup; a failure freezes those Services. */
    private EniIds eniIds(List<ClusterView> views, Deadline deadline, Progress progress) {
        Set<String> ips = DesiredStateBuilder.eniAddresses(views, config.access());
        if (ips.isEmpty()) {
            return EniIds.of(Map.of());
        }
        try {
            return EniIds.of(enis.within(deadline, progress).enis(ips));
        } catch (ClbException e) {
            return EniIds.unavailable(e.getMessage());
        } catch (RuntimeException e) {
            return EniIds.unavailable("the ENI lookup failed: unexpected " + e.getClass().getSimpleName());
        }
    }
}
