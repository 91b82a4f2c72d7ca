package com.clbsync.clb;

import com.clbsync.emulator.ApiCall;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.plan.Backend;
import com.clbsync.testing.MutableClock;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real SLB SDK against the emulator on loopback. */
class SlbVServerGroupApiTest {
    static final String SECRET = "the-access-key-secret-value";
    private ClbEmulator emu;
    private SlbVServerGroupApi api;

    @BeforeEach
    void start() throws Exception {
        emu = ClbEmulator.start();
        emu.createGroup("lb-1", "rsp-1");
        emu.createGroup("lb-1", "rsp-2");
        api = SlbVServerGroupApi.create("cn-hangzhou", emu.endpoint(), ClbCredentials.of("AKID", SECRET, "sts-token"))
                .withQuotas(World.NO_QUOTA);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private static List<Backend> backends(int n, int weight) {
        return IntStream.range(0, n).mapToObj(i -> Backend.ecs(String.format("i-%02d", i), 30080, weight, "k8s/30080/web/default/a"))
                .collect(Collectors.toList());
    }

    @Test
    void addsInBatchesOfTwentyAndDescribesWhatIsThere() throws Exception {
        emu.putBackend("rsp-1", Backend.ecs("i-hand", 80, 30, "manual"));
        api.add("rsp-1", backends(45, 2));
        assertThat(emu.calls()).extracting(ApiCall::action).containsOnly("AddVServerGroupBackendServers").hasSize(3);

        VServerGroup g = api.describe("rsp-1");
        assertThat(g.loadBalancerId()).isEqualTo("lb-1");
        assertThat(g.backends()).hasSize(46).contains(Backend.ecs("i-hand", 80, 30, "manual"), backends(45, 2).get(44));
    }

    @Test
    void setsWeightsAndRemoves() throws Exception {
        api.add("rsp-1", backends(3, 2));
        api.setWeights("rsp-1", backends(3, 50));
        assertThat(api.describe("rsp-1").backends()).extracting(Backend::weight).containsOnly(50);
        api.remove("rsp-1", backends(2, 50));
        assertThat(api.describe("rsp-1").backends()).containsExactly(backends(3, 50).get(2));
    }

    @Test
    void listsTheGroupsOfACLB() throws Exception {
        assertThat(api.groupsOf("lb-1")).extracting(VServerGroup::id).containsExactly("rsp-1", "rsp-2");
    }

    @Test
    void mapsApiErrorsToCodes() {
        assertThatThrownBy(() -> api.describe("rsp-missing")).isInstanceOfSatisfying(ClbException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("InvalidParameter");
            assertThat(e.groupNotFound()).isTrue();
            assertThat(e.action()).isEqualTo("DescribeVServerGroupAttribute");
        });
        assertThatThrownBy(() -> api.add("rsp-1", List.of(Backend.ecs("i-1", 30080, 101, "d"))))
                .isInstanceOfSatisfying(ClbException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameter"));
    }

    @Test
    void anUnreachableEndpointIsANoResponseErrorWithoutSecrets() {
        emu.close();
        assertThatThrownBy(() -> api.describe("rsp-1")).isInstanceOfSatisfying(ClbException.class, e -> {
            assertThat(e.code()).isEqualTo(ClbException.NO_RESPONSE);
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("sts-token");
        });
    }

    private SlbVServerGroupApi quick(java.time.Instant deadline, List<java.time.Duration> waits) {
        return api.withRetry(RetryPolicy.of(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(4), 5), waits::add)
                .within(Deadline.at(deadline, java.time.Clock.systemUTC()), CallListener.NONE);
    }

    @Test
    void retriesRetryableErrorsWithBackoffThenSucceeds() throws Exception {
        List<java.time.Duration> waits = new java.util.ArrayList<>();
        emu.failNext("DescribeVServerGroupAttribute", 3, "Throttling.User");
        assertThat(quick(java.time.Instant.now().plusSeconds(60), waits).describe("rsp-1").loadBalancerId()).isEqualTo("lb-1");
        assertThat(emu.calls()).hasSize(4);
        assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isBetween(java.time.Duration.ZERO, java.time.Duration.ofMillis(4)));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        emu.failNext("DescribeVServerGroupAttribute", 100, "ServiceUnavailable");
        assertThatThrownBy(() -> quick(java.time.Instant.now().plusSeconds(60), new java.util.ArrayList<>()).describe("rsp-1"))
                .isInstanceOfSatisfying(ClbException.class, e -> assertThat(e.code()).isEqualTo("ServiceUnavailable"));
        assertThat(emu.calls()).hasSize(5);
    }

    @Test
    void neverRetriesPastTheDeadline() {
        emu.failNext("DescribeVServerGroupAttribute", 100, "Throttling");
        // each wait moves a fake clock by one second: two attempts fit in a two-second budget, a third is not sent
        MutableClock clock = new MutableClock();
        SlbVServerGroupApi bounded = api.withRetry(RetryPolicy.of(java.time.Duration.ofMillis(1),
                java.time.Duration.ofMillis(4), 10), d -> clock.advance(java.time.Duration.ofSeconds(1)))
                .within(Deadline.at(clock.instant().plusSeconds(2), clock), CallListener.NONE);
        assertThatThrownBy(() -> bounded.describe("rsp-1")).isInstanceOfSatisfying(ClbException.class, e -> {
            assertThat(e.deadline()).isTrue();
            assertThat(e.getMessage()).contains("not sent").contains("after 2 refused attempts");
        });
        assertThat(emu.calls()).hasSize(2);
    }

    @Test
    void aCallIsNotSentWhenTheBudgetIsSpent() {
        assertThatThrownBy(() -> quick(java.time.Instant.now(), new java.util.ArrayList<>()).add("rsp-1", backends(1, 5)))
                .isInstanceOfSatisfying(ClbException.class, e -> assertThat(e.deadline()).isTrue());
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void aNonRetryableErrorFailsAtOnceNamingTheMissingRamAction() {
        emu.failNext("AddVServerGroupBackendServers", 1, "Forbidden.RAM");
        assertThatThrownBy(() -> quick(java.time.Instant.now().plusSeconds(60), new java.util.ArrayList<>())
                .add("rsp-1", backends(1, 5))).hasMessageContaining("slb:AddVServerGroupBackendServers");
        assertThat(emu.calls()).hasSize(1);
    }

    @Test
    void sendsTheSecurityTokenAndASignatureButNeverTheSecret() throws Exception {
        emu.forbidOnTheWire(SECRET);
        api.describe("rsp-1");
        ApiCall call = emu.calls().get(0);
        assertThat(emu.secretsSeen()).as("the secret signs, it never travels").isZero();
        assertThat(call.sentSecurityToken()).isTrue();
        assertThat(call.signing()).isEqualTo("ACS3-HMAC-SHA256");
        assertThat(call.headers()).containsEntry("x-acs-action", "DescribeVServerGroupAttribute")
                .doesNotContainKeys("authorization", "x-acs-security-token");
        assertThat(call.params().values()).noneMatch(v -> v.contains("sts-token"));
    }
}
