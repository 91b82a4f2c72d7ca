package com.clbsync.sync;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.Resumed;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.Refresh;
import com.clbsync.model.ServiceName;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.InstanceIds;
import com.clbsync.plan.NotReadyStorm;
import com.clbsync.plan.OwnerIds;
import com.clbsync.time.Deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads every cluster for a run, in parallel, each bounded by its timeout and the run's deadline. A
 * full run reads everything and renews the snapshots; a targeted run, in a warm instance whose
 * snapshot of a cluster is younger than {@code cacheSeconds}, reads again only what its events name
 * there and takes the rest from the snapshot; any other run with such a snapshot (a warm timer run) reads
 * only the changes since it ({@link ClusterReader#resume}). Any doubt (no snapshot, an old one, a change
 * not pinned to named objects, a failed targeted read, a watch that cannot say every change came) means
 * a full read.
 */
final class ClusterReads {
    private final SyncConfig config;
    private final Map<String, ClusterReader> readers;
    private final ExecutorService pool;
    private final SnapshotCache snapshots;

    ClusterReads(SyncConfig config, Map<String, ClusterReader> readers, ExecutorService pool, SnapshotCache snapshots) {
        this.config = config;
        this.readers = readers;
        this.pool = pool;
        this.snapshots = snapshots;
    }

    /**
     * Reads for {@code scope}: a report per cluster, a view per cluster read (not frozen, not degraded),
     * which clusters were read in full, and whether every cluster came from its snapshot with what the
     * scope names there unchanged.
     */
    Outcome read(SyncScope scope, Deadline deadline) {
        List<ClusterReport> reports = new ArrayList<>();
        List<ClusterView> views = new ArrayList<>();
        Clock clock = deadline.clock();
        Instant now = clock.instant();
        Duration maxAge = Duration.ofSeconds(config.cacheSeconds());
        Map<ClusterConfig, CompletableFuture<Read>> reads = new LinkedHashMap<>();
        for (ClusterConfig c : config.clusters()) {
            ClusterReader reader = readers.get(c.name());
            Optional<SnapshotCache.Entry> cached = maxAge.isZero() ? Optional.empty() : snapshots.fresh(c.name(), now, maxAge);
            Optional<Refresh> refresh = cached.flatMap(e -> ScopeResolver.refreshOf(scope, c.name(), e.snapshot));
            reads.put(c, CompletableFuture.supplyAsync(() -> {
                String fallback = "";
                if (refresh.isPresent()) {
                    SnapshotCache.Entry e = cached.get();
                    String age = Duration.between(e.fullReadAt, now).toSeconds() + " s old";
                    if (refresh.get().isEmpty()) {
                        return new Read(e.snapshot, e.fullReadAt, "snapshot " + age + " (nothing named here)", false, true,
                                ReadKind.SNAPSHOT);
                    }
                    try {
                        ClusterSnapshot fresh = reader.refresh(e.snapshot, refresh.get());
                        boolean same = fresh.sameAs(e.snapshot, refresh.get());
                        return new Read(fresh, e.fullReadAt, "snapshot " + age + ", read again: " + refresh.get()
                                + (same ? " (unchanged)" : ""), false, same, ReadKind.TARGETED)
                                .withInstances(instancesOf(refresh.get().nodes(), e.snapshot, fresh));
                    } catch (Exception x) {
                        // doubt: read everything below
                    }
                } else if (cached.isPresent()) {
                    // a run that would read in full, from a snapshot young enough: only the changes since it
                    Instant at = clock.instant();
                    Resumed resumed = reader.resume(cached.get().snapshot);
                    if (resumed.snapshot().isPresent()) {
                        return new Read(resumed.snapshot().get(), at, "changes since the snapshot: " + resumed.changes()
                                + " objects", true, false, ReadKind.CHANGES);
                    }
                    fallback = " (the changes could not be read: " + resumed.why() + ")";
                }
                Instant at = clock.instant();
                try {
                    return new Read(reader.read(), at, "full read" + fallback, true, false, ReadKind.FULL);
                } catch (Exception x) {
                    throw new ReadFailure(x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage());
                }
            }, pool));
        }
        Set<String> readInFull = new HashSet<>();
        Set<String> instances = new HashSet<>();
        boolean allUnchanged = true;
        long started = System.nanoTime();
        for (Map.Entry<ClusterConfig, CompletableFuture<Read>> e : reads.entrySet()) {
            ClusterConfig c = e.getKey();
            // each cluster's bound counts from the common start, and never past the run's deadline
            Duration own = Duration.ofSeconds(c.timeoutSeconds()).minusNanos(System.nanoTime() - started);
            Duration wait = deadline.bound(own.isNegative() ? Duration.ZERO : own);
            try {
                Read r = e.getValue().get(wait.toNanos(), TimeUnit.NANOSECONDS);
                snapshots.put(c.name(), r.snapshot, r.fullReadAt);
                if (r.full) {
                    readInFull.add(c.name());
                }
                instances.addAll(r.instances);
                allUnchanged &= r.unchanged;
                ClusterSnapshot s = r.snapshot;
                Optional<NotReadyStorm> storm = NotReadyStorm.in(s.nodes(), config.failOpenNotReadyFraction());
                if (s.identity().isEmpty() || !OwnerIds.isUid(s.identity())) {
                    snapshots.drop(c.name());
                    reports.add(ClusterReport.frozen(c.name(), configuredOwner(c), "its API server did not say which cluster"
                            + " it is (the UID of its kube-system namespace)"));
                    allUnchanged = false;
                    continue;
                }
                String owner = OwnerIds.of(c.ownerId(), c.name(), s.identity());
                if (s.nodes().isEmpty()) {
                    snapshots.drop(c.name());
                    reports.add(ClusterReport.frozen(c.name(), owner, "the cluster returned no Nodes").withIdentity(s.identity()));
                } else if (storm.isPresent()) {
                    reports.add(ClusterReport.degraded(c.name(), owner, s.services().size(), s.nodes().size(),
                            storm.get().toString()).withSource(r.source).withIdentity(s.identity()).withRead(r.kind, s.bytesRead()));
                } else {
                    reports.add(ClusterReport.read(c.name(), owner, s.services().size(), s.nodes().size())
                            .withSource(r.source).withReadAfresh(readAfresh(scope, c.name(), s)).withIdentity(s.identity())
                            .withRead(r.kind, s.bytesRead()));
                    views.add(ClusterView.of(c.name(), owner, s).withDefaultBackendType(c.backendType()));
                }
                continue;
            } catch (TimeoutException ex) {
                // stop its calls for real: a read left running would go on into the next invocation
                readers.get(c.name()).cancel();
                e.getValue().cancel(true);
                reports.add(ClusterReport.frozen(c.name(), configuredOwner(c), wait.compareTo(own) < 0
                        ? "not read before the run's deadline" : "not read within " + c.timeoutSeconds() + " s"));
            } catch (ExecutionException ex) {
                reports.add(ClusterReport.frozen(c.name(), configuredOwner(c), ex.getCause().getMessage()));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                reports.add(ClusterReport.frozen(c.name(), configuredOwner(c), "interrupted"));
            }
            snapshots.drop(c.name());
            allUnchanged = false;
        }
        return new Outcome(reports, views, readInFull, instances, allUnchanged);
    }

    /** The owner id of a cluster not read: the configured one, or none known. */
    private static String configuredOwner(ClusterConfig c) {
        return c.ownerId().orElse("");
    }

    /** What the reads of a run amount to. */
    static final class Outcome {
        /** A report per configured cluster. */
        final List<ClusterReport> reports;
        /** The clusters read that the run may act on (not frozen, not degraded). */
        final List<ClusterView> views;
        /** The clusters read in full (not frozen). */
        final Set<String> readInFull;
        /** The ECS instances of the Nodes a targeted read got again, before and after (a deleted one too). */
        final Set<String> instancesReadAfresh;
        final boolean anyFull;
        final boolean allUnchanged;

        Outcome(List<ClusterReport> reports, List<ClusterView> views, Set<String> readInFull, Set<String> instancesReadAfresh,
                boolean allUnchanged) {
            this.reports = List.copyOf(reports);
            this.views = List.copyOf(views);
            this.readInFull = Set.copyOf(readInFull);
            this.instancesReadAfresh = Set.copyOf(instancesReadAfresh);
            this.anyFull = !readInFull.isEmpty();
            this.allUnchanged = allUnchanged;
        }
    }

    /** The instance ids of these Nodes in either snapshot: a Node read again and found gone has its old one. */
    private static Set<String> instancesOf(Set<String> nodes, ClusterSnapshot before, ClusterSnapshot after) {
        Set<String> out = new HashSet<>();
        for (ClusterSnapshot s : List.of(before, after)) {
            s.nodes().stream().filter(n -> nodes.contains(n.name()))
                    .forEach(n -> InstanceIds.fromProviderId(n.providerId()).ifPresent(out::add));
        }
        return out;
    }

    /** What a targeted scope names in the cluster, with the EndpointSlices of the Services among it, as now read. */
    private static Set<ObjectRef> readAfresh(SyncScope scope, String cluster, ClusterSnapshot s) {
        if (scope.isFull()) {
            return Set.of();
        }
        Set<ObjectRef> out = new HashSet<>();
        scope.objects().stream().filter(o -> o.cluster().equals(cluster)).forEach(out::add);
        Set<ServiceName> services = ScopeResolver.servicesNamed(scope, cluster, s);
        s.slices().stream().filter(x -> services.contains(x.service()))
                .forEach(x -> out.add(ObjectRef.of(cluster, ObjectKind.ENDPOINT_SLICE, x.namespace(), x.name())));
        return out;
    }

    /** A cluster's snapshot for this run, when the full read it stems from started, and how it was had. */
    private static final class Read {
        final ClusterSnapshot snapshot;
        final Instant fullReadAt;
        final String source;
        final boolean full;
        final boolean unchanged;
        final Set<String> instances;
        final ReadKind kind;

        Read(ClusterSnapshot snapshot, Instant fullReadAt, String source, boolean full, boolean unchanged, ReadKind kind) {
            this(snapshot, fullReadAt, source, full, unchanged, Set.of(), kind);
        }

        private Read(ClusterSnapshot snapshot, Instant fullReadAt, String source, boolean full, boolean unchanged,
                     Set<String> instances, ReadKind kind) {
            this.kind = kind;
            this.snapshot = snapshot;
            this.fullReadAt = fullReadAt;
            this.source = source;
            this.full = full;
            this.unchanged = unchanged;
            this.instances = Set.copyOf(instances);
        }

        /** The same read, naming the instances of the Nodes it got again. */
        Read withInstances(Set<String> nodeInstances) {
            return new Read(snapshot, fullReadAt, source, full, unchanged, nodeInstances, kind);
        }
    }

    /** Carries a reader's failure message through the future. */
    private static final class ReadFailure extends RuntimeException {
        ReadFailure(String message) {
            super(message, null, false, false);
        }
    }
}
