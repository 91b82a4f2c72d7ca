package com.clbsync.sync;

import com.clbsync.redact.Redactor;
import com.clbsync.clb.ClbException;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.VServerGroup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.kube.ClusterReader;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.DesiredState;
import com.clbsync.plan.DesiredStateBuilder;
import com.clbsync.plan.EniIds;
import com.clbsync.plan.Freeze;
import com.clbsync.plan.Removable;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceTarget;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Orchestrates a run: read every cluster ({@link ClusterReads}: in parallel, bounded by the deadline, from
 * a warm snapshot where a targeted event allows), look up the ENIs of ENI Services' pods, compute what
 * every referenced group should hold, describe the groups, then sync them queued by the CLB that owns
 * them. Returns an immutable report.
 */
public final class SyncService {
    /** CLB instances synced at the same time. */
    static final int MAX_PARALLEL_CLBS = 4;
    /** An Event is not started with less than this left before the deadline. */
    static final Duration EVENT_TIME = Duration.ofSeconds(1);
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

    private SyncService copy() {
        SyncService s = new SyncService(config, readers, api, weights, pool);
        s.progressSink = progressSink;
        s.progressEvery = progressEvery;
        s.events = events;
        s.enis = enis;
        s.drains = drains;
        s.snapshots = snapshots;
        return s;
    }

    private SyncService with(Consumer<SyncService> change) {
        SyncService s = copy();
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

    /** The same service, keeping the clusters' snapshots in {@code cache}: one per instance, shared by its runs. */
    public SyncService withSnapshots(SnapshotCache cache) {
        Objects.requireNonNull(cache);
        return with(s -> s.snapshots = cache);
    }

    /** Threads for the cluster reads: two per cluster (a read the run stopped waiting for is cancelled, not left to run). */
    static final int READ_THREADS_PER_CLUSTER = 2;

    /**
     * A bounded daemon thread pool for the reads of {@code clusters} clusters: a read beyond it waits in
     * the queue (and its cluster's time bound still counts), never a new thread per stuck read.
     */
    public static ExecutorService readPool(int clusters) {
        int threads = Math.max(2, READ_THREADS_PER_CLUSTER * clusters);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("clb-sync-read"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
        ScheduledExecutorService ticker = progressSink == null ? null
                : Executors.newSingleThreadScheduledExecutor(daemon("clb-sync-progress"));
        if (ticker != null) {
            ticker.scheduleAtFixedRate(() -> progressSink.accept(progress.snapshot()), progressEvery.toMillis(),
                    progressEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        // the warm state is doubtful from here: only an applied run that comes to its end clean makes it good
        boolean wasInStep = snapshots.begin();
        try {
            Map<ServiceRef, String> uids = new HashMap<>();
            Ran ran = run(apply, scope, deadline, progress, uids, wasInStep);
            SyncReport report = ran.report.withClbCalls(progress.snapshot().calls());
            if (!apply) {
                return report;
            }
            report = withEvents(report, deadline, uids);
            snapshots.applied(wasInStep, scope.isFull(), report.exitCode() == SyncReport.EXIT_OK, ran.readInFull);
            return report;
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
    }

    /**
     * @param uids       filled with the UID of every Service read, for the Events
     * @param wasInStep  whether the groups were as the snapshots want them when the run began
     */
    private Ran run(boolean apply, SyncScope scope, Deadline deadline, Progress progress, Map<ServiceRef, String> uids,
                    boolean wasInStep) {
        VServerGroupApi clb = api.within(deadline, progress);
        List<ClusterReport> clusterReports = new ArrayList<>();
        List<ClusterView> views = new ArrayList<>();
        ClusterReads.Outcome reads = new ClusterReads(config, readers, pool, snapshots).read(scope, deadline, clusterReports, views);
        if (apply && !scope.isFull() && reads.allUnchanged && wasInStep) {
            return new Ran(SyncReport.of(true, scope.toString(), clusterReports, List.of(), configWarnings(), List.of(), List.of())
                    .withNotes(List.of("nothing this event names has changed since the last clean run, which left every"
                            + " group as wanted: nothing described, nothing written")), false);
        }
        EniIds enis = eniIds(views, deadline, progress);
        DesiredState desired = DesiredStateBuilder.build(views, enis, config.access());

        List<String> errors = new ArrayList<>();
        Map<String, VServerGroup> scanned = scan(scope, clb, errors); // group id -> the group as listed (name, CLB)
        List<GroupReport> groupReports = new ArrayList<>();
        Set<String> toSync = new TreeSet<>();
        for (String g : ScopeResolver.groups(scope, desired, views, scanned.keySet())) {
            VServerGroup listed = scanned.get(g);
            if (listed != null && !desired.targetsByGroup().containsKey(g) && BackendDescription.ownerOf(listed.name()).isPresent()) {
                groupReports.add(GroupReport.builder(g, List.of()).loadBalancerId(listed.loadBalancerId())
                        .warning("named " + listed.name() + ": a group the CCM created for a Service of its own; left alone")
                        .build(GroupReport.Status.SKIPPED));
            } else {
                toSync.add(g);
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL_CLBS, toSync.size())),
                daemon("clb-sync-clb"));
        try {
            progress.groups(toSync.size());
            Map<String, Described> described = Described.all(toSync, clb, workers);
            // which cluster is which: a cluster whose API server answers for another cluster moves nothing
            ClusterOwners owners = ClusterOwners.recognise(config, clusterReports, views, enis, Described.backends(described));
            if (!owners.refused.isEmpty()) {
                owners.refused.forEach(snapshots::drop);
                desired = DesiredStateBuilder.build(owners.views, enis, config.access());
                Set<String> still = ScopeResolver.groups(scope, desired, owners.views, scanned.keySet());
                for (String g : new ArrayList<>(toSync)) {
                    if (!still.contains(g)) { // only the refused cluster's Services asked for it: left exactly as it is
                        toSync.remove(g);
                        described.remove(g);
                        progress.groupDone();
                    }
                }
            }
            owners.views.forEach(v -> v.snapshot().services().forEach(s -> uids.put(
                    ServiceRef.of(v.name(), v.ownerId(), s.namespace(), s.name()), s.uid())));
            Freeze freeze = Freeze.of(owners.ownership.heldOwnerIds(), desired.frozenServiceRefs(), Set.of())
                    .withAddresses(desired.heldAddresses()).withRemovable(removable(scope, reads, owners));
            GroupSync groupSync = new GroupSync(clb, weights, owners.ownership, desired::isLive, drains,
                    Duration.ofSeconds(config.drainSeconds()), deadline.clock());
            groupReports.addAll(syncByClb(described, desired, freeze, apply, groupSync, progress, workers));
            groupReports.sort(Comparator.comparing(GroupReport::groupId));
            List<String> warnings = new ArrayList<>(configWarnings());
            warnings.addAll(owners.warnings);
            warnings.addAll(desired.warnings());
            return new Ran(SyncReport.of(apply, scope.toString(), owners.reports, desired.frozenServices(),
                    warnings, groupReports, errors), reads.anyFull);
        } finally {
            workers.shutdown();
        }
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

    /** What every report says of the configuration itself: a cluster whose API server's certificate is not verified. */
    private List<String> configWarnings() {
        List<String> out = new ArrayList<>();
        for (ClusterConfig c : config.clusters()) {
            if (c.insecureSkipTlsVerify()) {
                out.add("cluster " + c.name() + ": insecureSkipTlsVerify: its API server's certificate is not verified, so"
                        + " anyone on the path can read its token and answer for the cluster; set certificateAuthorityData");
            }
        }
        return out;
    }

    /**
     * What this run may remove: everything in a full run; in a targeted one only what it read afresh
     * (snapshots may be older than another writer's additions under the same owner).
     */
    private Removable removable(SyncScope scope, ClusterReads.Outcome reads, ClusterOwners owners) {
        if (scope.isFull()) {
            return Removable.all();
        }
        Set<String> ownerIds = new TreeSet<>();
        List<ServiceRef> services = new ArrayList<>();
        for (ClusterView v : owners.views) {
            if (reads.readInFull.contains(v.name())) {
                ownerIds.add(v.ownerId());
            }
            ScopeResolver.servicesNamed(scope, v.name(), v.snapshot()).forEach(key -> {
                String[] nsName = key.split("/", 2);
                services.add(ServiceRef.of(v.name(), v.ownerId(), nsName[0], nsName[1]));
            });
        }
        return Removable.readAfresh(ownerIds, services, reads.instancesReadAfresh);
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

    /**
     * Plans every described group, then queues the planned groups by the CLB their describe names: one
     * CLB's groups one after another (concurrent changes to one CLB fail as "configuring"), different CLBs
     * in parallel on the bounded pool {@code workers}.
     */
    private List<GroupReport> syncByClb(Map<String, Described> described, DesiredState desired, Freeze freeze, boolean apply,
                                        GroupSync groupSync, Progress progress, ExecutorService workers) {
        List<GroupReport> reports = new ArrayList<>();
        Map<String, List<GroupSync.Planned>> byClb = new TreeMap<>();
        described.forEach((g, d) -> {
            if (d.group == null) {
                reports.add(GroupSync.undescribed(g, targets(desired, g), d.error));
                progress.groupDone();
            } else {
                try {
                    GroupSync.Planned planned = groupSync.plan(d.group, targets(desired, g), freeze);
                    progress.planned(apply ? planned.writeCalls() : 0);
                    byClb.computeIfAbsent(d.group.loadBalancerId(), k -> new ArrayList<>()).add(planned);
                } catch (RuntimeException x) {
                    reports.add(GroupSync.unexpected(g, targets(desired, g), "while planning", x, false));
                    progress.groupDone();
                }
            }
        });
        List<CompletableFuture<List<GroupReport>>> perClb = new ArrayList<>();
        for (List<GroupSync.Planned> clbGroups : byClb.values()) {
            perClb.add(CompletableFuture.supplyAsync(() -> {
                List<GroupReport> out = new ArrayList<>();
                for (GroupSync.Planned planned : clbGroups) {
                    try {
                        out.add(groupSync.finish(planned, apply));
                    } catch (RuntimeException x) {
                        out.add(GroupSync.unexpected(planned.groupId, targets(desired, planned.groupId),
                                apply ? "while writing" : "while planning", x, apply));
                    }
                    progress.groupDone();
                }
                return out;
            }, workers));
        }
        perClb.forEach(f -> reports.addAll(f.join()));
        return reports;
    }

    /**
     * Writes the Events the report calls for in each Service's cluster; one that cannot be written is a
     * note in the report, never a failure of the sync.
     */
    private SyncReport withEvents(SyncReport report, Deadline deadline, Map<ServiceRef, String> uids) {
        List<String> problems = new ArrayList<>();
        Set<String> timedOut = new TreeSet<>();
        for (ServiceEvent e : EventsOfReport.of(report)) {
            String cluster = e.service().cluster();
            ServiceEvents writer = events.get(cluster);
            if (writer == null) {
                continue;
            }
            if (timedOut.contains(cluster)) {
                problems.add(e.service() + ": the Event " + e.reason() + " was not written: an earlier Event in this"
                        + " cluster timed out this run");
                continue;
            }
            if (!deadline.allows(EVENT_TIME)) {
                problems.add(e.service() + ": the Event " + e.reason() + " was not written: the run's deadline came first");
                continue;
            }
            try {
                writer.record(e.withUid(uids.getOrDefault(e.service(), "")), deadline.remaining());
            } catch (ServiceEvents.TimedOut x) {
                timedOut.add(cluster);
                problems.add(e.service() + ": the Event " + e.reason() + " was not written (" + x.getMessage()
                        + "); no more Events in this cluster this run");
            } catch (Exception x) {
                problems.add(e.service() + ": the Event " + e.reason() + " could not be written (" + Redactor.firstLine(x) + ")");
            }
        }
        return problems.isEmpty() ? report : report.withEventProblems(problems);
    }

    private static List<ServiceTarget> targets(DesiredState desired, String groupId) {
        return desired.targetsByGroup().getOrDefault(groupId, List.of());
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A run's report, and whether it read a cluster in full. */
    private static final class Ran {
        final SyncReport report;
        final boolean readInFull;

        Ran(SyncReport report, boolean readInFull) {
            this.report = report;
            this.readInFull = readInFull;
        }
    }

    /** A group as described, or why it could not be. */
    private static final class Described {
        final VServerGroup group;
        final ClbException error;

        private Described(VServerGroup group, ClbException error) {
            this.group = group;
            this.error = error;
        }

        /** Every group described, in parallel on {@code workers}, by group id (sorted). */
        static Map<String, Described> all(Set<String> groups, VServerGroupApi clb, ExecutorService workers) {
            Map<String, CompletableFuture<Described>> futures = new TreeMap<>();
            for (String g : groups) {
                futures.put(g, CompletableFuture.supplyAsync(() -> of(clb, g), workers));
            }
            Map<String, Described> out = new TreeMap<>();
            futures.forEach((g, f) -> out.put(g, f.join()));
            return out;
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
    }
}
