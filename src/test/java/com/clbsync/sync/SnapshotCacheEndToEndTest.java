package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.MutableClock;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm instance's snapshots: a targeted event reads again only what it names and takes the rest from
 * the snapshot while it is younger than {@code cacheSeconds}; a timer run reads only the changes since (a bounded watch); any doubt
 * reads everything. Global mode (the default): the weights of a group come from all its Services.
 */
class SnapshotCacheEndToEndTest {
    private World world;
    private FakeCluster a;
    private FakeCluster b;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        world = new World().warm();
        a = world.cluster("cluster-a");
        b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080); // weight 20, GROUP_2
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080); // weight 80, GROUP_2
        a.readyPods("default", "service-a", a.nodeNames("a", 4), true);
        b.readyPods("default", "service-b", b.nodeNames("b", 3), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private SyncReport run(SyncScope scope) throws Exception {
        return World.assertComplete(runAsItGoes(scope));
    }

    private SyncReport runAsItGoes(SyncScope scope) throws Exception {
        return world.apply(scope, Deadline.at(clock.instant().plus(Duration.ofMinutes(5)), clock));
    }

    /** The reads a cluster received since the last call (the Events an applied run writes left out). */
    private static List<String> reads(FakeCluster c) throws InterruptedException {
        return c.takeRequests().stream().filter(r -> !r.contains("/events")).collect(java.util.stream.Collectors.toList());
    }

    private static SyncScope serviceEvent(String cluster, String name) {
        return SyncScope.targeted(List.of(), List.of(ObjectRef.of(cluster, ObjectKind.SERVICE, "default", name)));
    }

    private static SyncScope nodeEvent(String cluster, String name) {
        return SyncScope.targeted(List.of(), List.of(ObjectRef.of(cluster, ObjectKind.NODE, "", name)));
    }

    private long backendsOf(String prefix) {
        return world.group(GROUP_2).stream().filter(x -> x.serverId().startsWith(prefix)).count();
    }

    private void drain() throws InterruptedException {
        a.takeRequests();
        b.takeRequests();
    }

    @Test
    void aWarmServiceEventReadsOnlyTheServiceAndItsSlices() throws Exception {
        run(SyncScope.full());
        drain();

        io.fabric8.kubernetes.api.model.Service svc = a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        svc.getMetadata().getAnnotations().put("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight", "50");
        a.service(svc, 30080); // 20 -> 50 beside cluster B's 80
        drain();
        SyncReport r = run(serviceEvent("cluster-a", "service-a"));

        assertThat(a.takeRequests()).as("no get for the Event: the Service's UID came with the read").containsExactly("GET /api/v1/namespaces/default/services/service-a",
                "GET /apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dservice-a&limit=500",
                "POST /api/v1/namespaces/default/events");
        assertThat(reads(b)).as("cluster B from its snapshot").isEmpty();
        assertThat(world.share(GROUP_2, "i-a")).as("weights from all of the group's Services").isBetween(50 / 130.0 - 0.005,
                50 / 130.0 + 0.005);
        assertThat(r.clusters()).extracting(ClusterReport::source).containsExactly(
                "snapshot 0 s old, read again: Service default/service-a, EndpointSlices of default/service-a",
                "snapshot 0 s old (nothing named here)");
    }

    @Test
    void aTargetedRunLeavesABackendAnotherWriterAddedUnderTheSameOwnerForTheNextFullRun() throws Exception {
        run(SyncScope.full());
        // the CCM (or a command-line apply) under cluster B's owner id adds a backend after B's snapshot
        Backend other = Backend.ecs("i-b-9", 31080, 50, "k8s/31080/service-b/default/" + b.owner());
        world.clb.putBackend(GROUP_2, other);
        io.fabric8.kubernetes.api.model.Service svc = a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        svc.getMetadata().getAnnotations().put("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight", "50");
        a.service(svc, 30080);

        SyncReport r = run(serviceEvent("cluster-a", "service-a"));

        assertThat(world.group(GROUP_2)).as("cluster B came from its snapshot: not read afresh").contains(other);
        assertThat(r.groups()).singleElement().satisfies(g -> assertThat(g.plan().kept()).contains(other));
        assertThat(world.clb.calls()).noneMatch(c -> c.action().equals("RemoveVServerGroupBackendServers"));

        run(SyncScope.full());
        assertThat(world.group(GROUP_2)).as("the full run read B afresh: no such node").extracting(Backend::serverId)
                .doesNotContain("i-b-9");
    }

    @Test
    void aTargetedRunRemovesTheBackendsOfANodeItReadAfreshAndFoundGone() throws Exception {
        run(SyncScope.full());
        a.deleteNode("a-3");
        run(nodeEvent("cluster-a", "a-3"));
        assertThat(world.group(GROUP_2)).as("the Node read afresh and gone").extracting(Backend::serverId)
                .doesNotContain("i-a-3");
        assertThat(backendsOf("i-a")).isEqualTo(3);
        assertThat(backendsOf("i-b")).isEqualTo(3);
    }

    @Test
    void aNodeThatChangedWhileOnlyAServiceEventCameIsPickedUpByTheNextTimerRun() throws Exception {
        run(SyncScope.full());
        a.node("a-3", "i-a-3", true, Map.of("node.kubernetes.io/exclude-from-external-load-balancers", "true"));
        run(serviceEvent("cluster-a", "service-a"));
        assertThat(backendsOf("i-a")).as("the Node was not named: its change is not seen yet").isEqualTo(4);

        SyncReport timer = run(SyncScope.full());
        assertThat(backendsOf("i-a")).isEqualTo(3);
        assertThat(timer.clusters()).as("a warm timer run reads the changes since the snapshot: the Node among them")
                .extracting(ClusterReport::readKind).containsOnly(ReadKind.CHANGES);
        assertThat(timer.clusters()).extracting(ClusterReport::source).contains("changes since the snapshot: 1 objects");
    }

    @Test
    void aNodeEventReadsOnlyThatNodeAndVisitsEveryGroupOfItsCluster() throws Exception {
        run(SyncScope.full());
        a.node("a-3", "i-a-3", false, Map.of()); // NotReady
        drain();
        run(nodeEvent("cluster-a", "a-3"));
        assertThat(reads(a)).containsExactly("GET /api/v1/nodes/a-3");
        assertThat(backendsOf("i-a")).isEqualTo(3);

        a.deleteNode("a-2");
        drain();
        run(nodeEvent("cluster-a", "a-2"));
        assertThat(reads(a)).as("404: gone").containsExactly("GET /api/v1/nodes/a-2");
        assertThat(backendsOf("i-a")).isEqualTo(2);
    }

    @Test
    void anEventWhoseObjectsAreUnchangedSinceACleanRunDescribesAndWritesNothing() throws Exception {
        run(SyncScope.full());
        drain();
        SyncReport r = run(serviceEvent("cluster-a", "service-a"));
        assertThat(reads(a)).hasSize(2);
        assertThat(world.clb.calls()).as("no describe").isEmpty();
        assertThat(r.notes()).anySatisfy(w -> assertThat(w).contains("nothing this event names has changed"));

        io.fabric8.kubernetes.api.model.Service svc = b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        svc.getMetadata().getAnnotations().put("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight", "70");
        b.service(svc, 31080);
        world.clb.failNext("DescribeVServerGroupAttribute", 1, "Forbidden.RAM");
        assertThat(runAsItGoes(serviceEvent("cluster-b", "service-b")).exitCode()).isNotZero();
        run(serviceEvent("cluster-a", "service-a"));
        assertThat(world.callActions()).as("after a run that was not clean, the group is described again")
                .contains("DescribeVServerGroupAttribute");
    }

    @Test
    void aSnapshotOlderThanCacheSecondsIsNeverUsed() throws Exception {
        run(SyncScope.full());
        b.readyPods("default", "service-b", b.nodeNames("b", 4), true); // B grows; no event about it
        clock.advance(Duration.ofSeconds(60));
        drain();
        SyncReport r = run(serviceEvent("cluster-a", "service-a"));
        assertThat(r.clusters()).extracting(ClusterReport::source).containsOnly("full read");
        assertThat(reads(b)).hasSize(4); // three lists and the identity
        assertThat(backendsOf("i-b")).isEqualTo(4);
    }

    @Test
    void withCacheSecondsZeroEveryRunReadsEverything() throws Exception {
        world.cacheSeconds(0);
        run(SyncScope.full());
        drain();
        run(serviceEvent("cluster-a", "service-a"));
        assertThat(reads(a)).hasSize(4); // three lists and the identity
    }

    @Test
    void aFailedTargetedReadFallsBackToAFullRead() throws Exception {
        run(SyncScope.full());
        b.readyPods("default", "service-b", b.nodeNames("b", 4), true);
        b.unreachable(true);
        SyncReport r = runAsItGoes(serviceEvent("cluster-b", "service-b"));
        assertThat(r.clusters().get(1).frozen()).as("the full read fails too: frozen, as always").isTrue();
        b.unreachable(false);

        drain();
        SyncReport next = run(serviceEvent("cluster-b", "service-b"));
        assertThat(next.clusters().get(1).source()).as("a frozen cluster's snapshot is dropped").isEqualTo("full read");
        assertThat(backendsOf("i-b")).isEqualTo(4);
    }

    @Test
    void aColdInstanceReadsEverything() throws Exception {
        World cold = new World();
        try {
            FakeCluster c = cold.cluster("cluster-a");
            c.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
            c.readyPods("default", "service-a", c.nodeNames("a", 2), true);
            cold.apply();
            c.takeRequests();
            SyncReport r = cold.apply(serviceEvent("cluster-a", "service-a"), Deadline.in(Duration.ofMinutes(1)));
            assertThat(r.clusters()).extracting(ClusterReport::source).containsOnly("full read");
            assertThat(reads(c)).hasSize(4); // three lists and the identity
            assertThat(cold.group(GROUP_2)).extracting(Backend::serverId).hasSize(2);
        } finally {
            cold.close();
        }
    }
}
