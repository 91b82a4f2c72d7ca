package com.clbsync.sync;

import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.BackendType;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import io.fabric8.kubernetes.api.model.Service;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services on an NLB server group, end to end in both weight modes (global first): the real NLB SDK
 * against the emulator's NLB side, jobs that take time, a busy group, a failed job, ENI servers, a group
 * of another NLB, a frozen cluster, the deadline, batch sizes and the quota, and CLB and NLB in one run.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(WeightMode.class)
class NlbEndToEndTest {
    static final String NLB = "nlb-bp1demo000000000001";
    static final String SGP = "sgp-bp1demo000000000001";
    static final Backend HAND = Backend.ecs("i-hand-1", 80, 50, "added by hand");

    @Parameter
    WeightMode mode;

    private World world;
    private FakeCluster a;
    private FakeCluster b;

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(mode);
        world.clb.nlb().createGroup(SGP, NLB);
        world.clb.nlb().putServer(SGP, HAND);
        a = world.cluster("cluster-a");
        b = world.cluster("cluster-b");
        onNlb(a, "service-a.yaml", 30080); // weight 20
        onNlb(b, "service-b.yaml", 31080); // weight 80
        a.readyPods("default", "service-a", a.nodeNames("a", 3), true);
        b.readyPods("default", "service-b", b.nodeNames("b", 3), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** The seed's Service, moved to the NLB: its id and its group the NLB's, its class the CCM's NLB class. */
    private static Service onNlb(FakeCluster c, String manifest, int nodePort) throws Exception {
        Service s = c.service(FakeCluster.SEED.resolve(manifest), nodePort);
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "id", NLB);
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "vgroup-port", SGP + ":80");
        s.getSpec().setLoadBalancerClass(LbAnnotations.NLB_CLASS);
        return c.service(s, nodePort);
    }

    /** Cluster A grows by {@code more} nodes, service-a serving on each. */
    private void growA(int more) {
        List<String> names = new java.util.ArrayList<>(List.of("a-0", "a-1", "a-2"));
        names.addAll(a.nodeNames("a-big", more));
        a.readyPods("default", "service-a", names, true);
    }

    private List<Backend> group() {
        return world.group(SGP);
    }

    private long calls(String action) {
        return world.callActions().stream().filter(action::equals).count();
    }

    @Test
    void scenarioTwoOnAnNlbServerGroup() throws Exception {
        SyncReport r = World.assertComplete(world.apply());

        assertThat(group()).contains(HAND).hasSize(7);
        assertThat(group()).filteredOn(x -> x.serverId().startsWith("i-b")).extracting(Backend::description)
                .containsOnly("k8s.31080.TCP.service-b.default." + b.owner());
        if (mode == WeightMode.GLOBAL) {
            double managed = group().stream().filter(x -> !x.equals(HAND)).mapToLong(Backend::weight).sum();
            double ofA = group().stream().filter(x -> x.serverId().startsWith("i-a")).mapToLong(Backend::weight).sum();
            assertThat(ofA / managed).isCloseTo(0.20, Offset.offset(0.005));
        } else { // the CCM's arithmetic: max(1, 20 / 3) and max(1, 80 / 3)
            assertThat(group()).filteredOn(x -> x.serverId().startsWith("i-a")).extracting(Backend::weight).containsOnly(6);
            assertThat(group()).filteredOn(x -> x.serverId().startsWith("i-b")).extracting(Backend::weight).containsOnly(26);
        }
        assertThat(r.groups()).singleElement().satisfies(g -> assertThat(g.loadBalancerId()).isEqualTo(NLB));

        world.apply();
        assertThat(world.writes()).as("converged: lists only").isZero();
        assertThat(world.callActions()).containsOnly("ListServerGroups", "ListServerGroupServers");
    }

    @Test
    void addRemoveAndUpdateWhileJobsTakeOverASecond() throws Exception {
        World.assertComplete(world.apply());
        world.clb.nlb().jobTime(Duration.ofMillis(1100));
        a.deleteNode("a-2");
        a.nodes("a-more", 1);
        a.readyPods("default", "service-a", List.of("a-0", "a-1", "a-more-0"), true);

        SyncReport r = World.assertComplete(world.apply());

        assertThat(calls("AddServersToServerGroup")).isEqualTo(1);
        assertThat(calls("RemoveServersFromServerGroup")).isEqualTo(1);
        assertThat(calls("ListAsynJobs")).as("each job polled until it ended").isGreaterThanOrEqualTo(2);
        assertThat(group()).extracting(Backend::serverId).contains("i-a-more-0", "i-hand-1").doesNotContain("i-a-2");
        assertThat(r.groups().get(0).added()).hasSize(1);
    }

    @Test
    void aGroupBusyWithAnotherJobIsRetriedThenAccepted() throws Exception {
        // another writer (the console, the CCM) starts a job on the group just before our add
        world.clb.beforeNext("AddServersToServerGroup", () -> world.clb.nlb().startOtherJob(SGP, Duration.ofMillis(300)));

        World.assertComplete(world.apply());

        assertThat(calls("AddServersToServerGroup")).as("IncorrectStatus.serverGroup, then accepted").isGreaterThan(1);
        assertThat(group()).hasSize(7);
    }

    @Test
    void aFailedJobIsAFailedWriteJudgedFromANewList() throws Exception {
        world.clb.nlb().failNextJob(SGP);

        SyncReport r = world.apply();

        // the job failed; the group was listed again and the write made in a second round
        assertThat(r.groups().get(0).warnings()).anySatisfy(w -> assertThat(w).contains("JobFailed"));
        assertThat(group()).hasSize(7);
        World.assertComplete(r);
    }

    @Test
    void anEniServiceHasEniServers() throws Exception {
        FakeCluster c = world.cluster("cluster-c");
        c.nodes("c", 1);
        Service s = c.podService("api-eni", SGP, 20, "8080", "eni");
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "id", NLB);
        c.service(s);
        c.slice("api-eni", "api-eni-1", "http", 8080, Map.of("10.3.0.1", FakeCluster.Pod.READY), "c-0");
        world.clb.networkInterface("eni-c1", "i-c-0", "10.3.0.1");

        World.assertComplete(world.apply());

        assertThat(group()).filteredOn(x -> x.type() == BackendType.ENI).singleElement().satisfies(x -> {
            assertThat(x.key()).isEqualTo(BackendKey.of("eni-c1", 8080, "10.3.0.1"));
            assertThat(x.description()).isEqualTo("k8s.8080.TCP.api-eni.default." + c.owner());
        });
    }

    @Test
    void aGroupRelatedToAnotherNlbIsRefused() throws Exception {
        world.clb.nlb().createGroup("sgp-other", "nlb-someone-else");
        Service s = onNlb(a, "service-a.yaml", 30080);
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "vgroup-port", "sgp-other:80");
        a.service(s, 30080);

        SyncReport r = world.apply();

        GroupReport other = r.groups().stream().filter(g -> g.groupId().equals("sgp-other")).findFirst().orElseThrow();
        assertThat(other.errors()).singleElement().asString().contains("its loadbalancer-id is " + NLB)
                .contains("belongs to nlb-someone-else").contains("nothing written on its behalf");
        assertThat(world.group("sgp-other")).isEmpty();
    }

    @Test
    void aFrozenClusterHoldsItsServersShare() throws Exception {
        World.assertComplete(world.apply());
        List<Backend> ofB = group().stream().filter(x -> x.serverId().startsWith("i-b")).collect(java.util.stream.Collectors.toList());
        b.unreachable(true);
        a.nodes("a-more", 2);
        a.readyPods("default", "service-a", List.of("a-0", "a-1", "a-2", "a-more-0", "a-more-1"), true);

        SyncReport r = world.apply();

        assertThat(r.clusters()).anySatisfy(c -> assertThat(c.frozen()).isTrue());
        assertThat(group()).containsAll(ofB);
        if (mode == WeightMode.GLOBAL) {
            double managed = group().stream().filter(x -> !x.equals(HAND)).mapToLong(Backend::weight).sum();
            double held = ofB.stream().mapToLong(Backend::weight).sum();
            assertThat(held / managed).as("B keeps its share while it cannot be read").isCloseTo(0.80, Offset.offset(0.01));
        }
    }

    @Test
    void theDeadlineInTheMiddleOfALongFirstSyncLeavesTheRestToTheNextRun() throws Exception {
        growA(120);
        world.clb.nlb().jobTime(Duration.ofMillis(400));

        SyncReport r = world.apply(SyncScope.full(), Deadline.in(Duration.ofMillis(2500)));

        assertThat(r.groups().get(0).status()).isEqualTo(GroupReport.Status.UNFINISHED);
        assertThat(r.groups().get(0).left().isEmpty()).isFalse();
        assertThat(group()).hasSizeGreaterThan(1).hasSizeLessThan(127);
        World.assertComplete(world.apply());
        assertThat(group()).hasSize(127);
    }

    @Test
    void batchesOfTheConfiguredSizeAndTheAddQuota() throws Exception {
        growA(97);
        world.nlbQuotas(Quotas.of(Map.of("AddServersToServerGroup", Rate.of(1, Duration.ofSeconds(60))), 1.0));

        SyncReport r = world.apply(SyncScope.full(), Deadline.in(Duration.ofSeconds(10)));

        assertThat(calls("AddServersToServerGroup")).as("one add within the quota; the next would come after the deadline")
                .isEqualTo(1);
        assertThat(group()).as("40 a call, as the CCM sends").hasSize(1 + 40);
        assertThat(r.groups().get(0).status()).isEqualTo(GroupReport.Status.UNFINISHED);
        assertThat(r.groups().get(0).errors()).singleElement().asString().contains("the API quota allows no call");

        world.nlbBatchSize(200).nlbQuotas(World.NLB_NO_QUOTA);
        World.assertComplete(world.apply());
        assertThat(calls("AddServersToServerGroup")).as("the other 66 in one call of up to 200").isEqualTo(1);
    }

    @Test
    void clbAndNlbGroupsInOneRun() throws Exception {
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30090); // a CLB vServer group of the seed
        world.clb.putBackend(World.GROUP_1, HAND);

        SyncReport r = World.assertComplete(world.apply());

        assertThat(r.groups()).extracting(GroupReport::groupId).containsExactlyInAnyOrder(World.GROUP_1, SGP);
        assertThat(world.group(World.GROUP_1)).filteredOn(x -> x.serverId().startsWith("i-a"))
                .extracting(Backend::description).containsOnly("k8s/30090/my-nginx-svc/default/" + a.owner());
        assertThat(group()).filteredOn(x -> x.serverId().startsWith("i-a")).hasSize(3);
        assertThat(world.callActions()).contains("DescribeVServerGroupAttribute", "AddVServerGroupBackendServers",
                "ListServerGroupServers", "AddServersToServerGroup");
    }
}
