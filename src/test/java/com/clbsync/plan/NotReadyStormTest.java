package com.clbsync.plan;

import com.clbsync.model.KubeNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotReadyStormTest {
    private static List<KubeNode> nodes(int ready, int notReady) {
        List<KubeNode> out = new ArrayList<>();
        for (int i = 0; i < ready + notReady; i++) {
            out.add(KubeNode.of("n" + i, "cn-hangzhou.i-" + i, Map.of(), i < ready, false, Set.of()));
        }
        return out;
    }

    @Test
    void fiftyFivePercentNotReadyIsAStorm() {
        assertThat(NotReadyStorm.in(nodes(9, 11), 0.55)).hasValueSatisfying(s -> {
            assertThat(s.notReady()).isEqualTo(11);
            assertThat(s.eligible()).isEqualTo(20);
            assertThat(s.toString()).startsWith("11 of 20 nodes");
        });
        assertThat(NotReadyStorm.in(nodes(10, 10), 0.55)).isEmpty();
    }

    @Test
    void onlyNodesThatCouldOtherwiseServeCount() {
        List<KubeNode> n = nodes(4, 4);
        for (int i = 0; i < 4; i++) { // four ready masters do not dilute the storm among the workers
            n.add(KubeNode.of("m" + i, "cn-hangzhou.i-m" + i, Map.of(NodeEligibility.MASTER_LABEL, ""), true, false, Set.of()));
        }
        n.add(KubeNode.of("hybrid", "ack-hybrid://x", Map.of(), true, false, Set.of()));
        assertThat(NotReadyStorm.in(n, 0.5)).hasValueSatisfying(s -> assertThat(s.eligible()).isEqualTo(8));
        assertThat(NotReadyStorm.in(List.of(), 0.55)).isEmpty();
    }

    @Test
    void theThresholdIsConfigurable() {
        assertThat(NotReadyStorm.in(nodes(1, 3), 0.8)).isEmpty();
        assertThat(NotReadyStorm.in(nodes(1, 3), 0.75)).isPresent();
    }
}
