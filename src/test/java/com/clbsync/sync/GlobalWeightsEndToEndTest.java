package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.plan.ServiceShare;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 2 in global mode, with failover, through client-java, the SLB SDK and the emulator. */
class GlobalWeightsEndToEndTest {
    private World world;
    private FakeCluster a;
    private FakeCluster b;
    private List<String> nodesOfA;

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(WeightMode.GLOBAL);
        a = world.cluster("cluster-a");
        b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        nodesOfA = a.nodeNames("a", 50);
        b.nodes("b", 3);
        a.readyPods("default", "service-a", nodesOfA.subList(0, 5), true);
        b.readyPods("default", "service-b", List.of("b-0", "b-1", "b-2"), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Cluster A's share of the traffic to the managed backends (hand-added ones are not part of the split). */
    private double shareOfA() {
        List<Backend> managed = world.group(GROUP_2).stream().filter(x -> x.description().startsWith("k8s/"))
                .collect(Collectors.toList());
        long ofA = managed.stream().filter(x -> x.serverId().startsWith("i-a")).mapToLong(Backend::weight).sum();
        return (double) ofA / managed.stream().mapToLong(Backend::weight).sum();
    }

    @Test
    void twentyEightyOnFiftyAndThreeNodesAndFailoverToTheOtherClusterAndBack() throws Exception {
        SyncReport first = World.assertComplete(world.apply());
        assertThat(shareOfA()).isCloseTo(0.20, Offset.offset(0.005));
        assertThat(first.groups().get(0).shares()).extracting(ServiceShare::target).containsExactly(0.2, 0.8);
        assertThat(first.groups().get(0).shares().get(0).achieved()).isCloseTo(0.2, Offset.offset(0.005));
        assertThat(ReportJson.render(first)).contains("\"targetShare\": 0.2").contains("\"achievedShare\"");

        a.readyPods("default", "service-a", nodesOfA.subList(0, 5), false); // cluster A's app loses every ready pod
        SyncReport failover = World.assertComplete(world.apply());
        assertThat(world.group(GROUP_2)).hasSize(53);
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().startsWith("i-a")).extracting(Backend::weight).containsOnly(0);
        assertThat(shareOfA()).isZero();
        assertThat(failover.groups().get(0).shares().get(1).achieved()).isEqualTo(1.0);
        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers", "AddVServerGroupBackendServers");

        a.readyPods("default", "service-a", nodesOfA.subList(0, 5), true);
        World.assertComplete(world.apply());
        assertThat(shareOfA()).isCloseTo(0.20, Offset.offset(0.005));

        world.apply();
        assertThat(world.writes()).as("converged").isZero();
    }

    @Test
    void foreignAndFrozenBackendsKeepTheirWeightsAndStayOutOfTheBalancing() throws Exception {
        Backend hand = Backend.ecs("i-hand", 80, 37, "added by hand");
        world.clb.putBackend(GROUP_2, hand);
        World.assertComplete(world.apply());
        List<Backend> ofB = world.group(GROUP_2).stream().filter(x -> x.serverId().startsWith("i-b"))
                .collect(Collectors.toList());
        assertThat(shareOfA()).isCloseTo(0.20, Offset.offset(0.005)); // the hand-added weight is not counted

        b.close(); // cluster B becomes unreadable: frozen
        a.nodes("more", 5);
        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(world.group(GROUP_2)).contains(hand).containsAll(ofB);
        assertThat(world.group(GROUP_2)).extracting(Backend::serverId).contains("i-more-0");
    }

    @Test
    void aLocalServiceWithoutReadyPodsKeepsItsBackendsAttachedAtZeroAndTakesTrafficAgainAfter() throws Exception {
        a.service(local(a, "service-a.yaml"), 30080);
        b.service(local(b, "service-b.yaml"), 31080);
        World.assertComplete(world.apply());
        List<Backend> ofA = world.group(GROUP_2).stream().filter(x -> x.serverId().startsWith("i-a")).collect(Collectors.toList());
        assertThat(ofA).hasSize(5); // Local: the nodes with a ready pod
        assertThat(shareOfA()).isCloseTo(0.20, Offset.offset(0.005));

        a.readyPods("default", "service-a", nodesOfA.subList(0, 5), false);
        World.assertComplete(world.apply());
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().startsWith("i-a")).hasSize(5)
                .extracting(Backend::weight).containsOnly(0);
        assertThat(world.callActions()).containsExactly("DescribeVServerGroupAttribute", "SetVServerGroupAttribute");
        assertThat(shareOfA()).isZero();

        a.readyPods("default", "service-a", nodesOfA.subList(0, 5), true);
        World.assertComplete(world.apply());
        assertThat(shareOfA()).isCloseTo(0.20, Offset.offset(0.005));
    }

    private static io.fabric8.kubernetes.api.model.Service local(FakeCluster c, String manifest) throws Exception {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(FakeCluster.SEED.resolve(manifest))) {
            io.fabric8.kubernetes.api.model.Service s = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(in,
                    io.fabric8.kubernetes.api.model.Service.class);
            s.getSpec().setExternalTrafficPolicy("Local");
            return s;
        }
    }

    @Test
    void aKeyTwoServicesWantIsLeftAsItIsAndTheSplitHoldsAroundIt() throws Exception {
        World.assertComplete(world.apply());
        Backend contestedBefore = world.group(GROUP_2).stream().filter(x -> x.serverId().equals("i-a-0")).findFirst()
                .orElseThrow();
        // cluster B's Service moves to node port 30080 and gains a node on the same ECS instance as A's a-0
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 30080);
        b.node("shared", "i-a-0");
        b.readyPods("default", "service-b", List.of("b-0", "b-1", "b-2", "shared"), true);

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.groups().get(0).plan().conflicts()).singleElement().asString().contains("i-a-0:30080")
                .contains("wanted by several Services");
        assertThat(world.group(GROUP_2)).contains(contestedBefore);
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().startsWith("i-b")).extracting(Backend::port)
                .containsOnly(30080);
        assertThat(shareOfA()).isCloseTo(0.20, Offset.offset(0.005));
    }
}
