package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HeldWeightsTest {
    private static final Ownership OURS = Ownership.of(List.of("a", "b"));

    private static Backend of(String owner, String id, int weight) {
        return Backend.ecs(id, 30080, weight, BackendDescription.format(30080, "web", "default", owner));
    }

    @Test
    void holdsAFrozenClustersBackendsAsOnePartItCannotAttribute() {
        ServiceTarget a = GlobalWeightsTest.cluster("a", 20, 2, 1);
        List<Backend> now = List.of(of("a", "i-a-000", 10), of("a", "i-a-001", 10), of("b", "i-b-0", 40), of("b", "i-b-1", 40),
                Backend.ecs("i-hand", 30080, 7, "by hand"));

        HeldWeights held = HeldWeights.of(now, OURS, Freeze.of(Set.of("b"), Set.of(), Set.of()), List.of(a));

        assertThat(held.unattributed()).isEqualTo(80);
        assertThat(held.heldOf(a.service())).isZero();
        assertThat(held.currentOf(a.service())).isEqualTo(20);
        assertThat(held.holds(BackendKey.ecs("i-b-0", 30080))).isTrue();
        assertThat(held.holds(BackendKey.ecs("i-a-000", 30080))).isFalse();
        assertThat(held.holds(BackendKey.ecs("i-hand", 30080))).as("foreign backends stay out").isFalse();
    }

    @Test
    void weightLockedAndContestedBackendsCountForTheServiceTheyAreNamedFor() {
        ServiceTarget a = GlobalWeightsTest.cluster("a", 20, 2, 1);
        ServiceTarget locked = ServiceTarget.of(ServiceRef.of("b", "b", "default", "web"),
                ServiceLbSpec.builder(Fixtures.LB).groups(List.of(GroupPort.of("rsp-1", 80))).weight(80)
                        .ignoreWeightUpdate(true).build(), "rsp-1", false,
                BackendDescription.format(30080, "web", "default", "b"), Map.of(BackendKey.ecs("i-b-0", 30080), 1), 1);
        List<Backend> now = List.of(of("a", "i-a-000", 10), of("a", "i-a-001", 10), of("b", "i-b-0", 55));

        HeldWeights held = HeldWeights.of(now, OURS, Freeze.of(Set.of(), Set.of(), Set.of(BackendKey.ecs("i-a-001", 30080))),
                List.of(a, locked));

        assertThat(held.heldOf(a.service())).isEqualTo(10);
        assertThat(held.heldOf(locked.service())).isEqualTo(55);
        assertThat(held.weightOf(BackendKey.ecs("i-b-0", 30080))).isEqualTo(55);
        assertThat(held.unattributed()).isZero();
    }
}
