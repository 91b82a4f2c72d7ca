package com.clbsync.plan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of both weight policies over Services with and without the annotation, weight 0,
 * Cluster and Local policy, with pods per node: the oracles are the rules as ccm-behaviour.md and the
 * README state them, written out here, not the policies' own code.
 */
class WeightPropertiesTest {

    /** A Service of its own cluster: annotation (null, 0 or 1..100), policy, pods on each of its nodes. */
    private static ServiceTarget target(int i, Integer weight, boolean local, List<Integer> pods, boolean serving) {
        Map<BackendKey, Integer> backends = new LinkedHashMap<>();
        for (int n = 0; n < pods.size(); n++) {
            backends.put(BackendKey.ecs(String.format("i-%d-%03d", i, n), 30080), local ? pods.get(n) : 1);
        }
        String cluster = "c" + i;
        ServiceLbSpec spec = ServiceLbSpec.builder(Fixtures.LB).groups(List.of(GroupPort.of("rsp-1", 80))).weight(weight).build();
        return ServiceTarget.of(ServiceRef.of(cluster, cluster, "default", "web"), spec, "rsp-1", local,
                BackendDescription.format(30080, "web", "default", cluster), backends,
                serving ? backends.values().stream().mapToInt(Integer::intValue).sum() : 0);
    }

    @Provide
    Arbitrary<List<ServiceTarget>> groups() {
        Arbitrary<Integer> weight = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(0),
                Arbitraries.integers().between(1, 100));
        // a few pods per node, sometimes more than 100 on one (the CCM would weigh that node above the CLB's 100)
        Arbitrary<List<Integer>> pods = Arbitraries.oneOf(Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(90, 150)).list().ofMinSize(1).ofMaxSize(40);
        return Combinators.combine(weight, Arbitraries.of(true, false), pods, Arbitraries.of(true, true, true, false))
                .as((w, local, p, serving) -> new Object[] {w, local, p, serving})
                .list().ofMinSize(1).ofMaxSize(3)
                .map(rows -> {
                    List<ServiceTarget> out = new java.util.ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        @SuppressWarnings("unchecked") List<Integer> p = (List<Integer>) rows.get(i)[2];
                        out.add(target(i, (Integer) rows.get(i)[0], (Boolean) rows.get(i)[1], p, (Boolean) rows.get(i)[3]));
                    }
                    return out;
                });
    }

    private static int sum(List<Backend> backends) {
        return backends.stream().mapToInt(Backend::weight).sum();
    }

    @Property(tries = 300)
    void ccmModeFollowsTheCcmRulesClampedTo100(@ForAll("groups") List<ServiceTarget> group) {
        Map<ServiceRef, List<Backend>> w = new CcmWeights().weigh(group);
        for (ServiceTarget t : group) {
            int n = t.podsByBackend().size();
            int total = t.podsByBackend().values().stream().mapToInt(Integer::intValue).sum();
            for (Backend b : w.get(t.service())) {
                int pods = t.podsByBackend().get(b.key());
                int expected;
                if (t.weight() == null) {
                    expected = t.local() ? pods : 100;          // default weight, or the pods on the node
                } else if (t.weight() == 0) {
                    expected = 0;                                 // attached without traffic
                } else if (t.local()) {
                    expected = Math.max(1, t.weight() * pods / total);
                } else {
                    expected = Math.max(1, t.weight() / n);
                }
                assertThat(b.weight()).as(t + " " + b).isEqualTo(Math.min(100, expected));
            }
        }
    }

    @Property(tries = 300)
    void globalModeKeepsEveryRuleTheReadmeStates(@ForAll("groups") List<ServiceTarget> group) {
        Map<ServiceRef, List<Backend>> w = new GlobalWeights().weigh(group);
        double wantedSum = 0;
        for (ServiceTarget t : group) {
            List<Backend> mine = w.get(t.service());
            assertThat(mine).extracting(Backend::key).containsExactlyInAnyOrderElementsOf(t.podsByBackend().keySet());
            assertThat(mine).allSatisfy(b -> assertThat(b.weight()).isBetween(0, 100));
            if (t.weight() == null) {
                // no annotation: the CCM's default arithmetic, out of the balancing
                mine.forEach(b -> assertThat(b.weight()).isEqualTo(t.local() ? Math.min(100, t.podsByBackend().get(b.key())) : 100));
            } else if (t.weight() == 0 || t.servingEndpoints() == 0) {
                // weight 0, or nothing serving in its cluster: attached at 0, its share flows to the others
                assertThat(mine).extracting(Backend::weight).containsOnly(0);
            } else {
                wantedSum += t.weight();
                int total = sum(mine);
                int pods = t.podsByBackend().values().stream().mapToInt(Integer::intValue).sum();
                for (Backend b : mine) {
                    double fair = t.local() ? (double) total * t.podsByBackend().get(b.key()) / pods
                            : (double) total / mine.size();
                    // Cluster: within 1 of each other; Local: within 1 of the pods' part, unless capped at 100
                    assertThat(Math.abs(b.weight() - fair)).as(t + " " + b).isLessThanOrEqualTo(b.weight() == 100 ? 100 : 1.0);
                }
            }
        }
        // the balanced Services' shares among themselves, where the solver reports no miss
        final double wanted = wantedSum;
        List<ServiceTarget> balanced = group.stream().filter(t -> t.weight() != null && t.weight() > 0 && t.servingEndpoints() > 0)
                .collect(java.util.stream.Collectors.toList());
        long all = balanced.stream().mapToLong(t -> sum(w.get(t.service()))).sum();
        boolean roomy = balanced.stream().allMatch(t -> 100.0 * t.podsByBackend().size() * wanted / t.weight() >= 100.0 * 3 + 1000);
        if (all > 0 && roomy && !balanced.stream().anyMatch(ServiceTarget::local)) {
            for (ServiceTarget t : balanced) {
                assertThat(Math.abs((double) sum(w.get(t.service())) / all - t.weight() / wanted)).as(t.toString())
                        .isLessThanOrEqualTo(0.005);
            }
        }
    }
}
