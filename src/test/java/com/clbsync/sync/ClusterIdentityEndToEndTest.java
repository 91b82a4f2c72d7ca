package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which cluster is which, end to end in both weight modes (global first, the default): an entry whose
 * API server answers for another cluster moves nothing, with or without a pinned identity; two
 * deployments' entries of the same name never remove each other's backends; a renamed entry keeps its
 * backends, and an earlier version's are adopted where they sit on the cluster's own nodes.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(WeightMode.class)
class ClusterIdentityEndToEndTest {
    @Parameter
    WeightMode mode;

    private World world;
    private FakeCluster a;
    private FakeCluster b;

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(mode);
        a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080); // weight 20, GROUP_2
        a.readyPods("default", "service-a", a.nodeNames("a", 3), true);
        b = world.cluster("cluster-b");
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080); // weight 80, GROUP_2
        b.readyPods("default", "service-b", b.nodeNames("b", 3), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Another cluster running the same manifests as cluster B, on nodes of its own. */
    private FakeCluster stagingLikeB() throws Exception {
        FakeCluster c = world.cluster("cluster-c");
        c.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        c.readyPods("default", "service-b", c.nodeNames("c", 4), true);
        return c;
    }

    private static ClusterReport report(SyncReport r, String cluster) {
        return r.clusters().stream().filter(c -> c.name().equals(cluster)).findFirst().orElseThrow();
    }

    @Test
    void anEntryPointedAtAnotherClustersApiServerLeavesTheGroupExactlyAsItWas() throws Exception {
        World.assertComplete(world.apply());
        List<Backend> before = world.group(GROUP_2);
        FakeCluster c = stagingLikeB();
        world.entries(a.config(), c.entry("cluster-b").build()); // a copied address: B's entry, C's API server

        SyncReport r = world.apply();

        assertThat(world.group(GROUP_2)).as("not one backend or weight moved").containsExactlyInAnyOrderElementsOf(before);
        assertThat(world.writes()).isZero();
        assertThat(r.exitCode()).isEqualTo(SyncReport.EXIT_INCOMPLETE);
        ClusterReport wrong = report(r, "cluster-b");
        assertThat(wrong.frozen()).isTrue();
        assertThat(wrong.identity()).isEqualTo(c.identity());
        assertThat(wrong.reason()).contains(c.identity()).contains(b.owner()).contains(GROUP_2).contains("clb-sync check")
                .contains("identity: <UID>");
        assertThat(report(r, "cluster-a").frozen()).isFalse();

        world.entries(a.config(), b.config());
        World.assertComplete(world.apply());
        assertThat(world.writes()).as("the right API server again: nothing to do").isZero();
    }

    @Test
    void aPinnedEntryMovesNothingForAnyOtherCluster() throws Exception {
        FakeCluster c = stagingLikeB();
        world.entries(a.config(), c.entry("cluster-b").identity(b.identity()).build());

        SyncReport r = world.apply();

        assertThat(report(r, "cluster-b").reason()).contains("pinned to " + b.identity()).contains(c.identity());
        assertThat(world.group(GROUP_2)).as("even with nothing of B's in the group yet").noneMatch(x -> x.serverId().startsWith("i-c"));

        world.entries(a.config(), b.entry("cluster-b").identity(b.identity()).build());
        World.assertComplete(world.apply());
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().startsWith("i-b")).hasSize(3);
    }

    @Test
    void twoDeploymentsWithEqualEntryNamesNeverRemoveEachOthersBackends() throws Exception {
        FakeCluster x = a;
        FakeCluster y = world.cluster("cluster-y"); // another team's cluster, its entry also called cluster-a
        y.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        y.readyPods("default", "service-a", y.nodeNames("y", 2), true);

        world.entries(x.entry("cluster-a").build());
        World.assertComplete(world.apply());
        List<Backend> first = world.group(GROUP_2);
        assertThat(first).extracting(Backend::serverId).containsExactlyInAnyOrder("i-a-0", "i-a-1", "i-a-2");

        world.entries(y.entry("cluster-a").build());
        SyncReport unsure = world.apply();
        assertThat(report(unsure, "cluster-a").reason()).as("the name is taken in the group: pin to say which cluster")
                .contains(y.identity()).contains("identity: <UID>");
        assertThat(world.group(GROUP_2)).containsExactlyInAnyOrderElementsOf(first);

        world.entries(y.entry("cluster-a").identity(y.identity()).build());
        World.assertComplete(world.apply());
        world.entries(x.entry("cluster-a").build());
        World.assertComplete(world.apply());
        world.entries(y.entry("cluster-a").identity(y.identity()).build());
        World.assertComplete(world.apply());

        assertThat(world.group(GROUP_2)).extracting(Backend::serverId)
                .containsExactlyInAnyOrder("i-a-0", "i-a-1", "i-a-2", "i-y-0", "i-y-1");
        assertThat(world.group(GROUP_2)).filteredOn(k -> k.serverId().startsWith("i-a")).extracting(Backend::description)
                .containsOnly("k8s/30080/service-a/default/" + x.ownerAs("cluster-a"));
        assertThat(world.group(GROUP_2)).filteredOn(k -> k.serverId().startsWith("i-y")).extracting(Backend::description)
                .containsOnly("k8s/30080/service-a/default/" + y.ownerAs("cluster-a"));
        assertThat(world.group(GROUP_2)).filteredOn(k -> k.serverId().startsWith("i-a")).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void aRenamedEntryKeepsItsBackendsAndRewritesTheirDescriptions() throws Exception {
        World.assertComplete(world.apply());
        List<Backend> before = world.group(GROUP_2);
        world.entries(a.entry("shop-a").build(), b.config());

        World.assertComplete(world.apply());

        assertThat(world.callActions()).doesNotContain("AddVServerGroupBackendServers", "RemoveVServerGroupBackendServers");
        String renamed = a.ownerAs("shop-a");
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().startsWith("i-a"))
                .extracting(x -> x.serverId() + " " + x.weight() + " " + x.description())
                .containsExactlyInAnyOrderElementsOf(before.stream().filter(x -> x.serverId().startsWith("i-a"))
                        .map(x -> x.serverId() + " " + x.weight() + " k8s/30080/service-a/default/" + renamed)
                        .collect(Collectors.toList()));
    }

    @Test
    void anEarlierVersionsBackendsOnTheClustersOwnNodesAreAdoptedAndNoOthers() throws Exception {
        // what 0.x wrote: the entry's name as the owner
        for (String node : List.of("i-a-0", "i-a-1", "i-a-2", "i-a-gone")) {
            world.clb.putBackend(GROUP_2, Backend.ecs(node, 30080, 7, "k8s/30080/service-a/default/cluster-a"));
        }

        SyncReport r = world.apply();

        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers");
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().matches("i-a-\\d"))
                .extracting(Backend::description).containsOnly("k8s/30080/service-a/default/" + a.owner());
        assertThat(world.group(GROUP_2)).as("a node no longer in the cluster: whose it was cannot be proved; left alone")
                .contains(Backend.ecs("i-a-gone", 30080, 7, "k8s/30080/service-a/default/cluster-a"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("cluster-a").contains("i-a-gone")
                .contains("left alone"));
    }
}
