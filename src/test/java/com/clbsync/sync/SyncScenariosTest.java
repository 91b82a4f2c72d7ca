package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_1;
import static com.clbsync.testing.World.GROUP_2;
import static com.clbsync.testing.World.GROUP_3;
import static com.clbsync.testing.World.GROUP_4;
import static org.assertj.core.api.Assertions.assertThat;

/** The user's two scenarios and the life of a cluster, end to end through client-java and the SLB SDK. */
class SyncScenariosTest {
    private static final Backend HAND_1 = Backend.ecs("i-hand-1", 80, 50, "");
    private static final Backend HAND_2 = Backend.ecs("i-hand-2", 80, 30, "legacy web");
    private World world;

    @BeforeEach
    void start() throws Exception {
        world = new World();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static Map<String, Integer> weights(List<Backend> backends) {
        return backends.stream().collect(Collectors.toMap(b -> b.serverId() + ":" + b.port(), Backend::weight));
    }

    @Test
    void scenario1AddsClusterNodesBesideHandAddedInstancesAndNeverTouchesThem() throws Exception {
        world.clb.putBackend(GROUP_1, HAND_1);
        world.clb.putBackend(GROUP_1, HAND_2);
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 3);

        SyncReport r = world.apply();

        World.assertComplete(r);
        assertThat(world.callActions()).containsExactly("DescribeVServerGroupAttribute", "AddVServerGroupBackendServers");
        assertThat(world.group(GROUP_1)).contains(HAND_1, HAND_2)
                .contains(Backend.ecs("i-a-0", 30080, 100, "k8s/30080/my-nginx-svc/default/" + a.owner()))
                .hasSize(5);
        GroupReport g = r.groups().get(0);
        assertThat(g.status()).isEqualTo(GroupReport.Status.SYNCED);
        assertThat(g.plan().foreign()).containsExactly(HAND_1, HAND_2);

        // scale in and out inside the cluster: the hand-added instances stay exactly as they were
        a.deleteNode("a-0");
        a.nodes("b", 2);
        World.assertComplete(world.apply());
        assertThat(world.group(GROUP_1)).contains(HAND_1, HAND_2).hasSize(6)
                .extracting(Backend::serverId).doesNotContain("i-a-0").contains("i-b-1");
    }

    @Test
    void aConvergedRunCostsOneDescribePerGroupAndNoWrite() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("multi-port.yaml"), 30081, 30443);
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 4);
        World.assertComplete(world.apply());
        assertThat(world.writes()).isEqualTo(3);

        SyncReport second = world.apply();

        World.assertComplete(second);
        assertThat(world.callActions()).containsExactly("DescribeVServerGroupAttribute", "DescribeVServerGroupAttribute",
                "DescribeVServerGroupAttribute");
        assertThat(second.groups()).extracting(GroupReport::status).containsOnly(GroupReport.Status.IN_SYNC);
        assertThat(world.group(GROUP_3)).extracting(Backend::port).containsOnly(30081);
        assertThat(world.group(GROUP_4)).extracting(Backend::port).containsOnly(30443);
    }

    @Test
    void scenario2OneGroupFedByTwoClustersWithTheCcmArithmetic() throws Exception {
        world.weightMode(WeightMode.CCM);
        FakeCluster a = world.cluster("cluster-a");
        FakeCluster b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        a.nodes("a", 50);
        b.nodes("b", 3);

        SyncReport r = world.apply();

        World.assertComplete(r);
        List<Backend> group = world.group(GROUP_2);
        assertThat(group).hasSize(53);
        Map<String, Integer> w = weights(group);
        assertThat(w).containsEntry("i-a-0:30080", 1).containsEntry("i-a-49:30080", 1).containsEntry("i-b-2:31080", 26);
        // 53 new backends: ceil(53 / 20) = 3 adds after the single describe
        assertThat(world.callActions()).containsExactly("DescribeVServerGroupAttribute", "AddVServerGroupBackendServers",
                "AddVServerGroupBackendServers", "AddVServerGroupBackendServers");
        assertThat(group).filteredOn(x -> x.serverId().startsWith("i-b"))
                .extracting(Backend::description).containsOnly("k8s/31080/service-b/default/" + b.owner());
        assertThat(r.groups().get(0).services()).extracting(Object::toString)
                .containsExactly("cluster-a/default/service-a", "cluster-b/default/service-b");
    }

    @Test
    void scaleOutAddsInOneBatchAndReweightsTheRestWithTheCcmArithmetic() throws Exception {
        world.weightMode(WeightMode.CCM);
        FakeCluster a = world.cluster("cluster-a");
        FakeCluster b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        a.nodes("a", 2);
        b.nodes("b", 2);
        world.apply();
        assertThat(weights(world.group(GROUP_2))).containsEntry("i-a-0:30080", 10).containsEntry("i-b-0:31080", 40);

        a.nodes("x", 3); // cluster A grows from 2 to 5 nodes: 20 / 5 = 4 each
        SyncReport out = world.apply();

        World.assertComplete(out);
        // the group's weights first, then the additions (the most useful first, should the run be stopped)
        assertThat(world.callActions()).containsExactly("DescribeVServerGroupAttribute", "SetVServerGroupAttribute",
                "AddVServerGroupBackendServers");
        GroupReport g = out.groups().get(0);
        assertThat(g.added()).hasSize(3).extracting(Backend::weight).containsOnly(4);
        assertThat(g.updated()).hasSize(2).extracting(Backend::serverId).containsOnly("i-a-0", "i-a-1");
        assertThat(weights(world.group(GROUP_2))).containsEntry("i-a-0:30080", 4).containsEntry("i-x-2:30080", 4)
                .containsEntry("i-b-0:31080", 40).hasSize(7);

        a.deleteNode("x-0");
        a.deleteNode("x-1");
        a.deleteNode("x-2");
        a.deleteNode("a-1");
        SyncReport in = world.apply();
        assertThat(in.groups().get(0).removed()).extracting(Backend::serverId).containsExactlyInAnyOrder("i-x-0", "i-x-1", "i-x-2", "i-a-1");
        // the deleted nodes' backends go first, then the weights
        assertThat(world.callActions()).containsExactly("DescribeVServerGroupAttribute", "RemoveVServerGroupBackendServers",
                "SetVServerGroupAttribute");
        assertThat(weights(world.group(GROUP_2))).containsOnly(Map.entry("i-a-0:30080", 20), Map.entry("i-b-0:31080", 40),
                Map.entry("i-b-1:31080", 40));
    }

    @Test
    void planDescribesButWritesNothing() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 2);

        SyncReport plan = world.run(false);

        World.assertComplete(plan);
        assertThat(world.writes()).isZero();
        assertThat(world.group(GROUP_1)).isEmpty();
        assertThat(plan.groups().get(0).status()).isEqualTo(GroupReport.Status.WOULD_CHANGE);
        assertThat(plan.groups().get(0).added()).hasSize(2);
        assertThat(ReportText.render(plan)).contains("would change").contains("+ i-a-0:30080 weight 100");
    }

    @Test
    void aDeletedServicesBackendsAreRemovedFromScannedClbs() throws Exception {
        world.scanning(World.LB);
        world.clb.putBackend(GROUP_1, HAND_1);
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 2);
        world.apply();
        assertThat(world.group(GROUP_1)).hasSize(3);

        a.deleteService("default", "my-nginx-svc");
        SyncReport r = world.apply();

        World.assertComplete(r);
        assertThat(world.group(GROUP_1)).containsExactly(HAND_1);
        assertThat(world.callActions()).containsOnlyOnce("DescribeVServerGroups", "RemoveVServerGroupBackendServers");
    }

    @Test
    void withoutScanningADeletedServicesGroupIsNotVisited() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 2);
        world.apply();
        a.deleteService("default", "my-nginx-svc");

        world.apply();

        assertThat(world.callActions()).isEmpty();
        assertThat(world.group(GROUP_1)).hasSize(2);
    }
}
