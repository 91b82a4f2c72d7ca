package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DrainTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Backend LIVE = Backend.ecs("i-live", 30080, 40, "k8s/30080/web/default/a");
    private static final Backend GONE = Backend.ecs("i-gone", 30080, 40, "k8s/30080/web/default/a");

    private static Drain drain(Map<BackendKey, Instant> since) {
        return Drain.of(Duration.ofSeconds(30), b -> b.serverId().equals("i-live"), since, NOW);
    }

    @Test
    void withoutADrainTimeEverythingIsRemovedAtOnce() {
        assertThat(Drain.none().step(LIVE)).isEqualTo(Drain.Step.REMOVE);
    }

    @Test
    void aBackendWhoseInstanceIsGoneIsRemovedAtOnce() {
        assertThat(drain(Map.of()).step(GONE)).isEqualTo(Drain.Step.REMOVE);
    }

    @Test
    void aLiveBackendWithTrafficGoesToZeroFirst() {
        assertThat(drain(Map.of(LIVE.key(), NOW.minusSeconds(3600))).step(LIVE)).isEqualTo(Drain.Step.ZERO);
    }

    @Test
    void aLiveBackendAtZeroWaitsForTheDrainTimeFromWhenItWentToZero() {
        Backend zero = LIVE.withWeight(0);
        assertThat(drain(Map.of()).step(zero)).as("unknown since when: counted from now").isEqualTo(Drain.Step.WAIT);
        assertThat(drain(Map.of(zero.key(), NOW.minusSeconds(29))).step(zero)).isEqualTo(Drain.Step.WAIT);
        assertThat(drain(Map.of(zero.key(), NOW.minusSeconds(30))).step(zero)).isEqualTo(Drain.Step.REMOVE);
    }

    @Test
    void theDiffDrainsInsteadOfRemoving() {
        DesiredGroup nothing = DesiredGroup.of(Map.of(), java.util.Set.of(), Map.of());
        GroupPlan plan = GroupDiff.compute(java.util.List.of(LIVE, GONE), nothing, Ownership.of(java.util.List.of("a")),
                Freeze.none(), drain(Map.of()));
        assertThat(plan.removes()).containsExactly(GONE);
        assertThat(plan.updates()).containsExactly(LIVE.withWeight(0));
        assertThat(plan.draining()).containsExactly(LIVE);
    }

    @Test
    void aRetiredOwnersBackendGoesToZeroFirstThenLeavesAfterTheDrainTimeThoughNoClusterSaysItLives() {
        Drain retired = Drain.of(Duration.ofSeconds(30), b -> false, Map.of(GONE.key(), NOW.minusSeconds(30)), NOW)
                .withRetired(b -> true);
        assertThat(retired.step(GONE)).as("still weighted: to 0 first").isEqualTo(Drain.Step.ZERO);
        assertThat(retired.step(GONE.withWeight(0))).isEqualTo(Drain.Step.REMOVE);
        assertThat(Drain.of(Duration.ofSeconds(30), b -> false, Map.of(), NOW).withRetired(b -> true).step(GONE.withWeight(0)))
                .as("at 0 since an unknown time: counted from now").isEqualTo(Drain.Step.WAIT);
        Drain noTime = Drain.of(Duration.ZERO, b -> false, Map.of(), NOW).withRetired(b -> true);
        assertThat(noTime.step(GONE)).as("without a drain time, still 0 first").isEqualTo(Drain.Step.ZERO);
        assertThat(noTime.step(GONE.withWeight(0))).isEqualTo(Drain.Step.REMOVE);
    }
}
