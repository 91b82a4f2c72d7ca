package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static com.clbsync.testing.World.GROUP_1;
import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/** When unsure, change nothing there, say so, and carry on elsewhere: in both weight modes. */
@ParameterizedClass(name = "{0}")
@EnumSource(WeightMode.class)
class SyncSafetyTest {
    @Parameter
    WeightMode mode;

    private World world;
    private FakeCluster a;
    private FakeCluster b;

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(mode);
        a = world.cluster("cluster-a");
        b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        a.nodes("a", 2);
        b.nodes("b", 2);
        World.assertComplete(world.apply());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private Service serviceA() throws Exception {
        try (var in = java.nio.file.Files.newInputStream(FakeCluster.SEED.resolve("service-a.yaml"))) {
            return io.fabric8.kubernetes.client.utils.Serialization.unmarshal(in, Service.class);
        }
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "weight|abc|not an integer 0..100",
            "weight|150|not an integer 0..100",
            "vgroup-port|rsp-bp1demo000000000002|'vsp-xxx:443'",
            "vgroup-port|rsp-bp1demo000000000002:http|is not a number",
            "vgroup-port|rsp-bp1demo000000000002:8080|no port 8080"})
    void aBadAnnotationFreezesThatServiceOnlyAndIsReportedByName(String suffix, String value, String message) throws Exception {
        List<Backend> before = world.group(GROUP_2);
        Service s = serviceA();
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + suffix, value);
        a.service(s, 30080);
        a.nodes("grown", 2); // would add two backends and re-weight the others, were the Service not frozen
        b.nodes("more", 2);  // cluster B's Service still syncs

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.frozenServices()).singleElement().satisfies(f -> {
            assertThat(f.service().toString()).isEqualTo("cluster-a/default/service-a");
            assertThat(f.reason()).contains(LbAnnotations.PREFIX + suffix).contains(message);
        });
        assertThat(ReportText.render(r)).contains("cluster-a: default/service-a: " + LbAnnotations.PREFIX + suffix);
        List<Backend> after = world.group(GROUP_2);
        assertThat(after).containsAll(before.stream().filter(x -> x.serverId().startsWith("i-a")).collect(java.util.stream.Collectors.toList()));
        assertThat(after).extracting(Backend::serverId).doesNotContain("i-grown-0").contains("i-more-0", "i-more-1");
        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers");
    }

    @Test
    void anUnreachableClusterIsFrozenWhileTheOtherProceeds() throws Exception {
        List<Backend> ofA = world.group(GROUP_2).stream().filter(x -> x.serverId().startsWith("i-a"))
                .collect(java.util.stream.Collectors.toList());
        b.nodes("more", 2);
        a.close(); // cluster A's API server goes away

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.clusters()).filteredOn(c -> c.name().equals("cluster-a")).singleElement()
                .satisfies(c -> assertThat(c.frozen()).isTrue());
        assertThat(ReportText.render(r)).contains("cluster-a: FROZEN (list services:");
        assertThat(world.group(GROUP_2)).containsAll(ofA).extracting(Backend::serverId).contains("i-more-0", "i-more-1");
        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers");
    }

    @Test
    void aClusterWithoutNodesIsFrozen() throws Exception {
        List<Backend> before = world.group(GROUP_2);
        a.deleteNode("a-0");
        a.deleteNode("a-1");

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(ReportText.render(r)).contains("cluster-a: FROZEN (the cluster returned no Nodes)");
        assertThat(world.group(GROUP_2)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(world.writes()).isZero();
    }

    @Test
    void aForeignBackendOnAClusterNodeIsLeftAloneAndReported() throws Exception {
        Backend hand = Backend.ecs("i-new-0", 30080, 7, "added-by-hand");
        world.clb.putBackend(GROUP_2, hand);
        a.nodes("new", 1); // the hand-added backend sits exactly where cluster A now wants one

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(world.group(GROUP_2)).contains(hand);
        assertThat(r.groups().get(0).plan().conflicts()).singleElement().asString().contains("i-new-0:30080");
        assertThat(ReportText.render(r)).contains("conflict: i-new-0:30080");
    }

    @Test
    void aLoadBalancerIdMismatchWritesNothingOnThatServicesBehalf() throws Exception {
        List<Backend> before = world.group(GROUP_2);
        Service s = serviceA();
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "id", "lb-somewhere-else");
        a.service(s, 30080);
        a.nodes("grown", 1);

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.groups().get(0).errors()).singleElement().asString()
                .contains("cluster-a/default/service-a").contains("lb-somewhere-else").contains(World.LB);
        assertThat(world.group(GROUP_2)).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aMissingGroupIsAnErrorAndNothingIsWritten() throws Exception {
        Service s = serviceA();
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "vgroup-port", "rsp-does-not-exist:80");
        a.service(s, 30080);

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        GroupReport missing = r.groups().stream().filter(g -> g.groupId().equals("rsp-does-not-exist")).findFirst().orElseThrow();
        assertThat(missing.status()).isEqualTo(GroupReport.Status.FAILED);
        assertThat(missing.errors()).singleElement().asString()
                .contains("the vServer group does not exist (404 InvalidParameter").contains("nothing written");
        // cluster A's Service now maps elsewhere: its old backends in GROUP_2 go, cluster B's stay
        assertThat(world.group(GROUP_2)).extracting(Backend::serverId).containsOnly("i-b-0", "i-b-1");
    }

    @Test
    void aFailedWriteFailsThatGroupOnlyAndTheNextRunFinishesIt() throws Exception {
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30070);
        a.nodes("grown", 1);
        world.clb.failNext("AddVServerGroupBackendServers", 1, "Forbidden.RAM");

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(1);
        GroupReport failed = r.groups().stream().filter(g -> g.status() == GroupReport.Status.FAILED).findFirst().orElseThrow();
        assertThat(failed.errors()).singleElement().asString().contains("AddVServerGroupBackendServers failed: Forbidden.RAM");
        assertThat(r.groups()).filteredOn(g -> g.status() == GroupReport.Status.SYNCED).hasSize(1);

        World.assertComplete(world.apply());
        assertThat(world.group(GROUP_1)).extracting(Backend::serverId).containsExactlyInAnyOrder("i-a-0", "i-a-1", "i-grown-0");
        assertThat(world.group(GROUP_2)).extracting(Backend::serverId).contains("i-grown-0");
    }

    @Test
    void aGroupTheCcmCreatedIsLeftAloneWhenFoundByScanning() throws Exception {
        String ccmGroup = "rsp-ccm-created";
        world.clb.createGroup(World.LB, ccmGroup, "k8s/80/web/default/cluster-a");
        Backend ccms = Backend.ecs("i-a-0", 30555, 100, "k8s/30555/web/default/cluster-a");
        world.clb.putBackend(ccmGroup, ccms);
        world.scanning(World.LB);

        SyncReport r = world.apply();

        GroupReport skipped = r.groups().stream().filter(g -> g.groupId().equals(ccmGroup)).findFirst().orElseThrow();
        assertThat(skipped.status()).isEqualTo(GroupReport.Status.SKIPPED);
        assertThat(skipped.warnings()).singleElement().asString().contains("the CCM created");
        assertThat(world.group(ccmGroup)).containsExactly(ccms);
        assertThat(world.clb.calls()).noneMatch(c -> ccmGroup.equals(c.params().get("VServerGroupId")));
        World.assertComplete(r);
    }
}
