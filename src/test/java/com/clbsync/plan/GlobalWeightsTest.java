package com.clbsync.plan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalWeightsTest {
    private static final GlobalWeights GLOBAL = new GlobalWeights();

    /** A Cluster-policy Service of cluster {@code name} with {@code nodes} backends and the given weight annotation. */
    static ServiceTarget cluster(String name, Integer weight, int nodes, int serving) {
        Map<BackendKey, Integer> b = new LinkedHashMap<>();
        for (int i = 0; i < nodes; i++) {
            b.put(BackendKey.ecs(String.format("i-%s-%03d", name, i), 30080), 1);
        }
        ServiceLbSpec spec = ServiceLbSpec.builder(Fixtures.LB).groups(List.of(GroupPort.of("rsp-1", 80))).weight(weight).build();
        return ServiceTarget.of(ServiceRef.of(name, name, "default", "web"), spec, "rsp-1", false,
                BackendDescription.format(30080, "web", "default", name), b, serving);
    }

    static double share(Map<ServiceRef, List<Backend>> w, ServiceTarget t) {
        long mine = w.get(t.service()).stream().mapToLong(Backend::weight).sum();
        long all = w.values().stream().flatMap(List::stream).mapToLong(Backend::weight).sum();
        return all == 0 ? 0 : (double) mine / all;
    }

    @Test
    void twentyEightyHoldsWhateverTheNodeCounts() {
        ServiceTarget a = cluster("a", 20, 50, 5);
        ServiceTarget b = cluster("b", 80, 3, 5);
        Map<ServiceRef, List<Backend>> w = GLOBAL.weigh(List.of(a, b));
        assertThat(share(w, a)).isCloseTo(0.20, org.assertj.core.data.Offset.offset(0.005));
        assertThat(w.get(a.service())).extracting(Backend::weight).allMatch(x -> x >= 1);
        assertThat(w.get(b.service())).extracting(Backend::weight).allMatch(x -> x <= 100);
    }

    @Test
    void backendsOfAClusterServiceDifferByAtMostOne() {
        Map<ServiceRef, List<Backend>> w = GLOBAL.weigh(List.of(cluster("a", 30, 7, 1), cluster("b", 70, 4, 1)));
        for (List<Backend> backends : w.values()) {
            int min = backends.stream().mapToInt(Backend::weight).min().orElseThrow();
            int max = backends.stream().mapToInt(Backend::weight).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aServiceWithoutServingEndpointsFailsOverToZeroAndBack() {
        ServiceTarget down = cluster("a", 20, 3, 0);
        ServiceTarget b = cluster("b", 80, 3, 4);
        Map<ServiceRef, List<Backend>> w = GLOBAL.weigh(List.of(down, b));
        assertThat(w.get(down.service())).hasSize(3).extracting(Backend::weight).containsOnly(0);
        assertThat(share(w, b)).isEqualTo(1.0);

        Map<ServiceRef, List<Backend>> back = GLOBAL.weigh(List.of(cluster("a", 20, 3, 2), b));
        assertThat(share(back, cluster("a", 20, 3, 2))).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void weightZeroMeansTheSameAsFailover() {
        Map<ServiceRef, List<Backend>> w = GLOBAL.weigh(List.of(cluster("a", 0, 2, 5), cluster("b", 50, 2, 5)));
        assertThat(w.get(ServiceRef.of("a", "a", "default", "web"))).extracting(Backend::weight).containsOnly(0);
        assertThat(w.get(ServiceRef.of("b", "b", "default", "web"))).extracting(Backend::weight).allMatch(x -> x > 0);
    }

    @Test
    void servicesWithoutTheAnnotationKeepTheCcmDefaultAndAreWarnedAbout() {
        ServiceTarget plain = cluster("a", null, 2, 0);
        ServiceTarget weighted = cluster("b", 50, 2, 1);
        Map<ServiceRef, List<Backend>> w = GLOBAL.weigh(List.of(plain, weighted));
        assertThat(w.get(plain.service())).extracting(Backend::weight).containsOnly(100);
        assertThat(GLOBAL.weigh(List.of(plain, weighted), HeldWeights.none()).notes()).singleElement().asString()
                .contains("mixes");
        assertThat(GLOBAL.weigh(List.of(weighted), HeldWeights.none()).notes()).isEmpty();
    }

    @Test
    void localServicesFollowThePodsOnEachNode() {
        Map<BackendKey, Integer> pods = new LinkedHashMap<>();
        pods.put(BackendKey.ecs("i-1", 30080), 3);
        pods.put(BackendKey.ecs("i-2", 30080), 1);
        ServiceLbSpec spec = ServiceLbSpec.builder(Fixtures.LB).groups(List.of(GroupPort.of("rsp-1", 80))).weight(50).build();
        ServiceTarget local = ServiceTarget.of(ServiceRef.of("a", "a", "default", "web"), spec, "rsp-1", true,
                "k8s/30080/web/default/a", pods, 4);
        Map<ServiceRef, List<Backend>> w = GLOBAL.weigh(List.of(local, cluster("b", 50, 2, 2)));
        List<Backend> mine = w.get(local.service());
        double onBusyNode = (double) mine.get(0).weight() / (mine.get(0).weight() + mine.get(1).weight());
        assertThat(onBusyNode).as("3 of the 4 pods").isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
        assertThat(share(w, local)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void reportsWantedAndAchievedShares() {
        DesiredGroup g = DesiredGroup.of(List.of(cluster("a", 20, 50, 1), cluster("b", 80, 3, 1)), GLOBAL);
        assertThat(g.shares()).extracting(ServiceShare::target).containsExactly(0.2, 0.8);
        assertThat(g.shares().get(0).achieved()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.005));
        DesiredGroup ccm = DesiredGroup.of(List.of(cluster("a", 20, 50, 1), cluster("b", 80, 3, 1)), new CcmWeights());
        assertThat(ccm.shares().get(0).achieved()).isCloseTo(50 / 128.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Provide
    Arbitrary<List<ServiceTarget>> groups() {
        Arbitrary<ServiceTarget> one = Combinators.combine(Arbitraries.integers().between(1, 100),
                Arbitraries.integers().between(1, 200)).as((w, n) -> new int[] {w, n})
                .map(x -> cluster("c" + x[0] + "n" + x[1], x[0], x[1], 1));
        return one.list().ofMinSize(2).ofMaxSize(3).uniqueElements(t -> t.service().cluster());
    }

    @Property(tries = 200)
    void sharesMatchWithinHalfAPointWhereIntegersAllowAndWeightsStayInBounds(@ForAll("groups") List<ServiceTarget> group) {
        Map<ServiceRef, List<Backend>> w = GLOBAL.weigh(group);
        double weightSum = group.stream().mapToInt(ServiceTarget::weight).sum();
        double worst = 0;
        double minShare = 1;
        double feasibleScale = Double.MAX_VALUE;
        for (ServiceTarget t : group) {
            double wanted = t.weight() / weightSum;
            worst = Math.max(worst, Math.abs(share(w, t) - wanted));
            minShare = Math.min(minShare, wanted);
            feasibleScale = Math.min(feasibleScale, 100.0 * t.podsByBackend().size() / wanted);
            assertThat(w.get(t.service())).hasSize(t.podsByBackend().size())
                    .allSatisfy(b -> assertThat(b.weight()).isBetween(0, 100));
        }
        // when a total of 100 per Service fits under every cap, largest-remainder rounding of it is within 0.5 points
        if (feasibleScale >= 100.0 * group.size() + 1 / minShare) {
            assertThat(worst).isLessThanOrEqualTo(0.005);
        }
    }

    @Property(tries = 100)
    void ccmModeGivesTheCcmNumbersUntouched(@ForAll("groups") List<ServiceTarget> group) {
        Map<ServiceRef, List<Backend>> ccm = new CcmWeights().weigh(group);
        for (ServiceTarget t : group) {
            int expected = Math.max(1, t.weight() / t.podsByBackend().size());
            assertThat(ccm.get(t.service())).extracting(Backend::weight).containsOnly(expected);
        }
        List<ServiceTarget> reversed = new ArrayList<>(group);
        java.util.Collections.reverse(reversed);
        assertThat(new CcmWeights().weigh(reversed)).isEqualTo(ccm);
    }

    /** A frozen part of {@code frozen} weight now beside {@code a}, whose backends now carry {@code currentOfA}. */
    private static HeldWeights frozenBeside(ServiceTarget a, int frozen, int currentOfA) {
        List<Backend> now = new ArrayList<>();
        now.add(Backend.ecs("i-b-0", 31080, frozen, BackendDescription.format(31080, "web", "default", "b")));
        if (currentOfA > 0) {
            now.add(a.backend(a.podsByBackend().keySet().iterator().next(), currentOfA));
        }
        return HeldWeights.of(now, Ownership.of(List.of("a", "b")), Freeze.of(java.util.Set.of("b"), List.of(), List.of()),
                List.of(a));
    }

    @Test
    void aFrozenPartKeepsItsShareAndTheOthersAreSolvedAroundIt() {
        ServiceTarget a = cluster("a", 20, 60, 60);
        Weighing w = GLOBAL.weigh(List.of(a), frozenBeside(a, 300, 75));
        long ofA = w.backends().get(a.service()).stream().mapToLong(Backend::weight).sum();
        assertThat(ofA).isEqualTo(75); // 75 / (75 + 300) = 20%
        assertThat(w.shares()).singleElement().satisfies(s -> {
            assertThat(s.target()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.achieved()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(w.notes()).singleElement().asString().contains("carry 80.0%");
    }

    @Test
    void withNothingToJudgeAFrozenPartByNewBackendsGetWeightZeroAndItIsSaid() {
        ServiceTarget a = cluster("a", 20, 3, 3);
        Weighing w = GLOBAL.weigh(List.of(a), frozenBeside(a, 300, 0));
        assertThat(w.backends().get(a.service())).extracting(Backend::weight).containsOnly(0);
        assertThat(w.notes()).singleElement().asString().contains("until the frozen part can be read again");
    }

    @Test
    void whenNoWeightsComeWithinHalfAPointTheClosestAreTakenAndReported() {
        // A had ten backends (1000 now) and keeps one: at most 100 against a frozen part that should stay 0.1%
        ServiceTarget a = cluster("a", 20, 1, 1);
        Weighing w = GLOBAL.weigh(List.of(a), frozenBeside(a, 1, 1000));
        assertThat(w.backends().get(a.service())).extracting(Backend::weight).containsExactly(100);
        assertThat(w.notes()).anyMatch(n -> n.contains("no integer weights come within 0.5 points"));
    }
}
