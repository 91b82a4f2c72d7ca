package com.clbsync.plan;

import com.clbsync.model.KubeNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NodeEligibilityTest {
    private static final ServiceLbSpec PLAIN = Fixtures.spec(null);

    private static KubeNode node(Map<String, String> labels, boolean ready, boolean cordoned, Set<String> taints, String pid) {
        return KubeNode.of("n1", pid, labels, ready, cordoned, taints);
    }

    @Test
    void aReadyWorkerIsEligible() {
        assertThat(NodeEligibility.whyNot(KubeNode.ready("n1", "cn-hangzhou.i-1"), PLAIN)).isEmpty();
    }

    @Test
    void notReadyMasterAndDeletingNodesAreNot() {
        assertThat(NodeEligibility.whyNot(node(Map.of(), false, false, Set.of(), "r.i-1"), PLAIN)).contains("not Ready");
        assertThat(NodeEligibility.whyNot(node(Map.of(NodeEligibility.MASTER_LABEL, ""), true, false, Set.of(), "r.i-1"), PLAIN))
                .contains("master node");
        assertThat(NodeEligibility.whyNot(node(Map.of(), true, false, Set.of(NodeEligibility.AUTOSCALER_TAINT), "r.i-1"), PLAIN))
                .isPresent();
    }

    @Test
    void theRulesOfTheNodeAloneAndThoseOfTheServiceAreCheckedApart() {
        KubeNode cordoned = node(Map.of("pool", "a"), true, true, Set.of(), "r.i-1");
        assertThat(NodeEligibility.whyNotAny(cordoned)).as("a cordoned node may serve some Services").isEmpty();
        assertThat(NodeEligibility.whyNotFor(cordoned, PLAIN)).isEmpty();
        assertThat(NodeEligibility.whyNotAny(node(Map.of(), false, false, Set.of(), "r.i-1"))).contains("not Ready");
    }

    @Test
    void everyExcludeLabelExcludesWhateverItsValue() {
        for (String label : NodeEligibility.EXCLUDE_LABELS) {
            assertThat(NodeEligibility.whyNot(node(Map.of(label, "false"), true, false, Set.of(), "r.i-1"), PLAIN))
                    .as(label).isPresent();
        }
    }

    @Test
    void hybridNodesAreNot() {
        assertThat(NodeEligibility.whyNot(node(Map.of(), true, false, Set.of(), "ack-hybrid://idc.n1"), PLAIN)).isPresent();
    }

    @Test
    void cordonedNodesStayUnlessRemoveUnscheduledIsOn() {
        KubeNode cordoned = node(Map.of(), true, true, Set.of(), "r.i-1");
        assertThat(NodeEligibility.whyNot(cordoned, PLAIN)).isEmpty();
        ServiceLbSpec remove = ServiceLbSpec.builder("lb").groups(List.of(GroupPort.of("g", 80))).removeUnscheduled(true).build();
        assertThat(NodeEligibility.whyNot(cordoned, remove)).isPresent();
    }

    @Test
    void backendLabelsMustAllMatch() {
        ServiceLbSpec labelled = ServiceLbSpec.builder("lb").groups(List.of(GroupPort.of("g", 80)))
                .backendLabels(Map.of("pool", "web", "zone", "a")).build();
        assertThat(NodeEligibility.whyNot(node(Map.of("pool", "web", "zone", "a"), true, false, Set.of(), "r.i-1"), labelled)).isEmpty();
        assertThat(NodeEligibility.whyNot(node(Map.of("pool", "web"), true, false, Set.of(), "r.i-1"), labelled)).isPresent();
        assertThat(NodeEligibility.whyNot(node(Map.of("pool", "api", "zone", "a"), true, false, Set.of(), "r.i-1"), labelled)).isPresent();
    }
}
