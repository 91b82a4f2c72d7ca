package com.clbsync.plan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.clbsync.plan.GlobalWeightsTest.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Ramps through {@link GlobalWeights} with a {@link RampGate}: plain values, no cluster, no CLB. */
class RampingTest {
    private static final GlobalWeights GLOBAL = new GlobalWeights();
    private static final Ownership OWNERS = Ownership.of(List.of("a", "b", "c"));
    private static final Instant LATER = Instant.parse("2026-12-08T10:00:00Z");

    private static List<Backend> current(Weighing w) {
        List<Backend> all = new ArrayList<>();
        w.backends().values().forEach(all::addAll);
        all.addAll(w.retired());
        return all;
    }

    private static Weighing weigh(List<ServiceTarget> targets, List<Backend> now, RampGate gate) {
        return GLOBAL.weigh(targets, HeldWeights.of(now, OWNERS, Freeze.none(), targets), gate);
    }

    private static RampGate gate(int step) {
        return RampGate.of(Ramp.of(step, 0, false), null, null, "");
    }

    private static double shareOf(List<Backend> backends, String cluster) {
        long all = backends.stream().mapToLong(Backend::weight).sum();
        return all == 0 ? 0 : (double) backends.stream().filter(b -> b.serverId().startsWith("i-" + cluster))
                .mapToLong(Backend::weight).sum() / all;
    }

    @Property(tries = 60)
    void everyStepMovesAtMostTheStepAndTheRampReachesTheTarget(@ForAll @IntRange(min = 0, max = 100) int from,
                                                                @ForAll @IntRange(min = 0, max = 100) int to,
                                                                @ForAll @IntRange(min = 5, max = 60) int step,
                                                                @ForAll @IntRange(min = 1, max = 12) int nodesOfA,
                                                                @ForAll @IntRange(min = 1, max = 12) int nodesOfB) {
        List<ServiceTarget> before = List.of(cluster("a", from, nodesOfA, 1), cluster("b", 100 - from, nodesOfB, 1));
        List<ServiceTarget> after = List.of(cluster("a", to, nodesOfA, 1), cluster("b", 100 - to, nodesOfB, 1));
        List<Backend> now = current(GLOBAL.weigh(before, HeldWeights.none()));
        double target = shareOf(current(GLOBAL.weigh(after, HeldWeights.none())), "a");
        int most = (int) Math.ceil(Math.abs(to - from) / (double) step) + 2;
        for (int run = 0; run < most; run++) {
            Weighing w = weigh(after, now, gate(step));
            List<Backend> next = current(w);
            assertThat(Math.abs(shareOf(next, "a") - shareOf(now, "a"))).as("run %d", run).isLessThanOrEqualTo(step / 100.0 + 1e-9);
            now = next;
        }
        assertThat(shareOf(now, "a")).as("reached within %d runs", most).isCloseTo(target, within(0.005));
        assertThat(weigh(after, now, gate(step)).ramps()).as("no ramp at the target").isEmpty();
    }

    @Test
    void whileTheStepIsNotDueEveryWeightStaysAsItIs() {
        List<Backend> now = current(GLOBAL.weigh(List.of(cluster("a", 90, 3, 1), cluster("b", 10, 3, 1)), HeldWeights.none()));
        List<ServiceTarget> after = List.of(cluster("a", 10, 3, 1), cluster("b", 90, 3, 1));
        Weighing w = weigh(after, now, RampGate.of(Ramp.of(20, 60, false), LATER, null, ""));
        assertThat(current(w)).containsExactlyInAnyOrderElementsOf(now);
        assertThat(w.stepped()).isFalse();
        assertThat(w.ramps()).allSatisfy(r -> assertThat(r.waiting()).contains("the next step may come at " + LATER));
        assertThat(w.ramps().get(0).from()).isCloseTo(0.9, within(0.005));
        assertThat(w.ramps().get(0).target()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void aRaiseWaitsForTheHealthCheckAndNewBackendsJoinAtZero() {
        List<Backend> now = current(GLOBAL.weigh(List.of(cluster("a", 100, 3, 1)), HeldWeights.none()));
        List<ServiceTarget> after = List.of(cluster("a", 50, 3, 1), cluster("b", 50, 2, 1));
        Map<BackendKey, Health> allNormal = Map.of();
        Weighing w = weigh(after, now, RampGate.of(Ramp.of(20, 0, true), null, allNormal, ""));
        assertThat(w.backends().get(after.get(1).service())).hasSize(2).extracting(Backend::weight).containsOnly(0);
        assertThat(w.ramps().get(1).waitsForHealth()).isTrue();
        assertThat(w.ramps().get(1).waiting()).contains("no backend in the group yet");

        List<Backend> joined = current(w);
        Map<BackendKey, Health> abnormal = Map.of(BackendKey.ecs("i-b-000", 30080), Health.ABNORMAL,
                BackendKey.ecs("i-b-001", 30080), Health.NORMAL);
        Weighing half = weigh(after, joined, RampGate.of(Ramp.of(20, 0, true), null, abnormal, ""));
        assertThat(shareOf(current(half), "a")).as("half of them normal: enough").isCloseTo(0.8, within(0.005));
        Weighing unread = weigh(after, joined, RampGate.of(Ramp.of(20, 0, true), null, null, "Forbidden.RAM"));
        assertThat(current(unread)).as("not known: nothing rises").containsExactlyInAnyOrderElementsOf(joined);
        assertThat(unread.ramps().get(1).waiting()).contains("could not be read: Forbidden.RAM");
    }

    @Test
    void aServiceWithNothingServingGoesToZeroAtOnceEvenWhileTheRampWaits() {
        List<Backend> now = current(GLOBAL.weigh(List.of(cluster("a", 50, 3, 1), cluster("b", 50, 3, 1)), HeldWeights.none()));
        Weighing w = weigh(List.of(cluster("a", 50, 3, 0), cluster("b", 50, 3, 1)), now,
                RampGate.of(Ramp.of(10, 3600, true), LATER, Map.of(), ""));
        assertThat(shareOf(current(w), "a")).isZero();
        assertThat(shareOf(current(w), "b")).isEqualTo(1.0);
    }

    @Test
    void retiredBackendsAreWeighedDownInStepsAndThenLeaveTheWeighing() {
        List<Backend> now = new ArrayList<>(current(GLOBAL.weigh(List.of(cluster("b", 50, 2, 1)), HeldWeights.none())));
        now.add(Backend.ecs("i-old-1", 30080, 100, "k8s/30080/web/default/old"));
        now.add(Backend.ecs("i-old-2", 30080, 100, "k8s/30080/web/default/old"));
        List<ServiceTarget> targets = List.of(cluster("b", 50, 2, 1));
        Ownership owners = OWNERS.withRetired(List.of("old"));
        Weighing w = GLOBAL.weigh(targets, HeldWeights.of(now, owners, Freeze.none(), targets), gate(25));
        assertThat(w.retired()).hasSize(2);
        double before = shareOf(now, "old");
        assertThat(shareOf(current(w), "old")).as("down by the step").isCloseTo(before - 0.25, within(0.005));
        List<Backend> next = current(w);
        for (int run = 0; run < 3 && shareOf(next, "old") > 0; run++) {
            double was = shareOf(next, "old");
            next = current(GLOBAL.weigh(targets, HeldWeights.of(next, owners, Freeze.none(), targets), gate(25)));
            assertThat(was - shareOf(next, "old")).isBetween(0.0, 0.25 + 1e-9);
        }
        assertThat(shareOf(next, "old")).as("at 0 within %d steps", 3).isZero();
        assertThat(GLOBAL.weigh(targets, HeldWeights.of(now, owners, Freeze.none(), targets), RampGate.off()).retired())
                .as("without a ramp they leave the weighing at once").isEmpty();
    }
}
