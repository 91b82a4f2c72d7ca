package com.clbsync.clb;

import com.clbsync.emulator.ClbEmulator;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.BackendType;
import com.clbsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real NLB SDK against the emulator on loopback: server groups, paged lists, jobs awaited. */
class NlbServerGroupApiTest {
    static final String SECRET = "the-access-key-secret-value";
    private ClbEmulator emu;
    private NlbServerGroupApi api;

    @BeforeEach
    void start() throws Exception {
        emu = ClbEmulator.start();
        emu.forbidOnTheWire(SECRET);
        emu.nlb().createGroup("sgp-1", "nlb-1");
        emu.nlb().createGroup("sgp-2", "nlb-1", "nlb-2");
        emu.nlb().createGroup("sgp-free");
        api = api(40);
    }

    private NlbServerGroupApi api(int batch) {
        return NlbServerGroupApi.create("cn-hangzhou", emu.endpoint(), ClbCredentials.of("AKID", SECRET, "sts-token"), batch)
                .withQuotas(Quotas.of(Quotas.NLB_ACTIONS.stream().collect(Collectors.toMap(a -> a,
                        a -> Rate.of(100_000, Duration.ofSeconds(1)))), 1.0))
                .withRetry(RetryPolicy.of(Duration.ofMillis(10), Duration.ofMillis(100), 20), d -> Thread.sleep(d.toMillis()));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private static List<Backend> servers(int n, int weight) {
        return IntStream.range(0, n).mapToObj(i -> Backend.ecs("i-" + i, 30080, weight, "k8s.30080.TCP.web.default.a"))
                .collect(Collectors.toList());
    }

    private long calls(String action) {
        return emu.calls().stream().filter(c -> c.action().equals(action)).count();
    }

    @Test
    void addsInBatchesAwaitsEachJobAndListsThemBackPaged() throws Exception {
        emu.nlb().jobTime(Duration.ofMillis(300));
        api.add("sgp-1", servers(250, 50));

        assertThat(calls("AddServersToServerGroup")).as("40 a call").isEqualTo(7);
        assertThat(calls("ListAsynJobs")).as("every job polled until it ended").isGreaterThanOrEqualTo(7);
        emu.clearCalls();
        VServerGroup g = api.describe("sgp-1");
        assertThat(g.backends()).hasSize(250).allMatch(b -> b.weight() == 50 && b.type() == BackendType.ECS);
        assertThat(g.loadBalancerIds()).containsExactly("nlb-1");
        assertThat(calls("ListServerGroupServers")).as("100 a page").isEqualTo(3);
        assertThat(emu.secretsSeen()).isZero();
        assertThat(emu.calls()).allMatch(c -> c.sentSecurityToken());
    }

    @Test
    void removesAndReweightsEniServersByIdIpAndPort() throws Exception {
        Backend eni = Backend.of(BackendKey.of("eni-1", 8080, "10.0.0.5"), BackendType.ENI, 100, "k8s.8080.TCP.web.default.a");
        api.add("sgp-1", List.of(eni, Backend.ecs("i-1", 30080, 100, "k8s.30080.TCP.web.default.a")));
        api.setWeights("sgp-1", List.of(eni.withWeight(7)));
        api.remove("sgp-1", List.of(Backend.ecs("i-1", 30080, 100, "")));
        api.remove("sgp-1", List.of(Backend.ecs("i-gone", 30080, 100, ""))); // already gone: done, as documented

        assertThat(api.describe("sgp-1").backends()).containsExactly(eni.withWeight(7));
    }

    @Test
    void aGroupBusyWithAnotherJobIsRetriedUntilItIsFree() throws Exception {
        // another writer's job holds the group for 300 ms, starting just before ours
        emu.beforeNext("AddServersToServerGroup", () -> emu.nlb().startOtherJob("sgp-1", Duration.ofMillis(300)));
        api.add("sgp-1", servers(1, 10));

        assertThat(calls("AddServersToServerGroup")).as("refused IncorrectStatus.serverGroup, then accepted").isGreaterThan(1);
        assertThat(api.describe("sgp-1").backends()).extracting(Backend::weight).containsExactly(10);
    }

    @Test
    void aJobThatFailsIsAFailedWriteThatNamesIt() {
        emu.nlb().failNextJob("sgp-1");
        assertThatThrownBy(() -> api.add("sgp-1", servers(3, 10))).isInstanceOf(ClbException.class)
                .satisfies(e -> assertThat(((ClbException) e).code()).isEqualTo(ClbException.JOB_FAILED))
                .hasMessageContaining("failed");
        assertThat(emu.nlb().servers("sgp-1")).isEmpty();
    }

    @Test
    void aJobNotEndedByTheDeadlineLeavesTheGroupToTheNextRun() {
        emu.nlb().jobTime(Duration.ofSeconds(30));
        NlbServerGroupApi quick = api.within(Deadline.in(Duration.ofSeconds(2)), CallListener.NONE);
        assertThatThrownBy(() -> quick.add("sgp-1", servers(2, 10))).isInstanceOf(ClbException.class)
                .satisfies(e -> assertThat(((ClbException) e).deadline()).isTrue()).hasMessageContaining("had not finished");
    }

    @Test
    void listsTheGroupsRelatedToAnNlbAndSaysWhenAGroupDoesNotExist() throws Exception {
        assertThat(api.describe("sgp-2").loadBalancerIds()).containsExactly("nlb-1", "nlb-2");
        assertThat(api.describe("sgp-free").loadBalancerIds()).isEmpty();
        assertThatThrownBy(() -> api.describe("sgp-none")).isInstanceOf(ClbException.class)
                .satisfies(e -> assertThat(((ClbException) e).groupNotFound()).isTrue());
    }

    @Test
    void scansTheServerGroupsAnNlbUses() throws Exception {
        assertThat(api.groupsOf("nlb-2")).extracting(VServerGroup::id).containsExactly("sgp-2");
        assertThat(api.groupsOf("nlb-1")).extracting(VServerGroup::id).containsExactly("sgp-1", "sgp-2");
    }

    @Test
    void batchSizeIsTheConfiguredOne() throws Exception {
        api(200).add("sgp-1", servers(250, 10));
        assertThat(calls("AddServersToServerGroup")).isEqualTo(2);
        assertThat(api(200).batchSize("sgp-1")).isEqualTo(200);
    }
}
