package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CcmWeightsTest {

    private static ServiceTarget target(ServiceLbSpec spec, boolean local, int... podsPerNode) {
        Map<BackendKey, Integer> backends = new LinkedHashMap<>();
        for (int i = 0; i < podsPerNode.length; i++) {
            backends.put(BackendKey.ecs(String.format("i-%03d", i), 30080), podsPerNode[i]);
        }
        return ServiceTarget.of(ServiceRef.of("a", "a", "default", "web"), spec, "rsp-1", local, "k8s/30080/web/default/a", backends, 1);
    }

    private static List<Integer> weights(ServiceTarget t) {
        return CcmWeights.weigh(t).stream().map(Backend::weight).collect(Collectors.toList());
    }

    @Test
    void withoutWeightEveryClusterBackendGetsTheDefault() {
        assertThat(weights(target(Fixtures.spec(null), false, 0, 0, 0))).containsExactly(100, 100, 100);
        ServiceLbSpec fifty = ServiceLbSpec.builder("lb").groups(List.of(GroupPort.of("g", 80))).defaultWeight(50).build();
        assertThat(weights(target(fifty, false, 1, 1))).containsExactly(50, 50);
    }

    @Test
    void clusterWeightIsDividedByTheBackendCountAtLeastOne() {
        // the seed's scenario 2 with 50 and 3 nodes: the CCM gives 1 and 26 (a 39/61 split)
        assertThat(weights(target(Fixtures.spec(20), false, new int[50]))).containsOnly(1).hasSize(50);
        assertThat(weights(target(Fixtures.spec(80), false, new int[3]))).containsExactly(26, 26, 26);
        assertThat(weights(target(Fixtures.spec(100), false, new int[1]))).containsExactly(100);
    }

    @Test
    void weightZeroMeansAttachedWithoutTraffic() {
        assertThat(weights(target(Fixtures.spec(0), false, 1, 1))).containsExactly(0, 0);
        assertThat(weights(target(Fixtures.spec(0), true, 3, 1))).containsExactly(0, 0);
    }

    @Test
    void localFollowsThePodsOnEachNode() {
        assertThat(weights(target(Fixtures.spec(null), true, 3, 1))).containsExactly(3, 1);
        assertThat(weights(target(Fixtures.spec(60), true, 3, 1))).containsExactly(45, 15);
        assertThat(weights(target(Fixtures.spec(10), true, 1, 30))).containsExactly(1, 9);
    }

    @Test
    void neverExceedsOneHundred() {
        assertThat(weights(target(Fixtures.spec(null), true, 250))).containsExactly(100);
    }

    @Test
    void weighsEachServiceOfAGroupOnItsOwn() {
        ServiceTarget a = target(Fixtures.spec(20), false, new int[2]);
        ServiceTarget b = ServiceTarget.of(ServiceRef.of("b", "b", "default", "web"), Fixtures.spec(80), "rsp-1", false,
                "k8s/30080/web/default/b", Map.of(BackendKey.ecs("i-b", 30080), 0), 1);
        Map<ServiceRef, List<Backend>> w = new CcmWeights().weigh(List.of(a, b));
        assertThat(w.get(a.service())).extracting(Backend::weight).containsExactly(10, 10);
        assertThat(w.get(b.service())).extracting(Backend::weight).containsExactly(80);
        assertThat(w.get(b.service()).get(0).description()).isEqualTo("k8s/30080/web/default/b");
    }
}
