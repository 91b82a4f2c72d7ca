package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterRecognitionTest {
    private static final String UID_B = "bbbbbbbb-0000-4000-8000-00000000000b";
    private static final String UID_C = "cccccccc-0000-4000-8000-00000000000c";
    private static final Backend HAND = Backend.ecs("i-hand", 80, 100, "");
    private static final Backend OF_A = Backend.ecs("i-a1", 30080, 20, "k8s/30080/web/default/cluster-a.aaaaaaaa");

    /** Entry cluster-b, its API server answering with {@code identity}, its nodes {@code servers}. */
    private static OwnerClaim entryB(String identity, Set<String> servers) {
        return OwnerClaim.of("cluster-b", Optional.empty(), identity, servers);
    }

    private static Map<String, List<Backend>> group(Backend... backends) {
        return Map.of("rsp-1", List.of(backends));
    }

    @Test
    void recognisesTheClusterWhoseTagItsBackendsCarry() {
        Backend ofB = Backend.ecs("i-b-gone", 30080, 80, "k8s/30080/web/default/cluster-b.bbbbbbbb");
        assertThat(ClusterRecognition.refusal(entryB(UID_B, Set.of("i-b1")), UID_B, Optional.empty(), group(HAND, OF_A, ofB)))
                .isEmpty();
    }

    @Test
    void refusesAnApiServerOfAnotherClusterWhenTheGroupsHoldTheEntrysBackends() {
        Backend ofB = Backend.ecs("i-b1", 30080, 80, "k8s/30080/web/default/cluster-b.bbbbbbbb");
        Optional<String> r = ClusterRecognition.refusal(entryB(UID_C, Set.of("i-c1")), UID_C, Optional.empty(),
                group(HAND, OF_A, ofB));
        assertThat(r).isPresent();
        assertThat(r.get()).contains(UID_C).contains("1 backend(s)").contains("cluster-b.bbbbbbbb").contains("rsp-1")
                .contains("clb-sync check").contains("identity: <UID>");
    }

    @Test
    void refusesWhenAnEarlierVersionsBackendsSitOnNoneOfItsNodes() {
        Backend legacy = Backend.ecs("i-b1", 30080, 80, "k8s/30080/web/default/cluster-b");
        assertThat(ClusterRecognition.refusal(entryB(UID_C, Set.of("i-c1")), UID_C, Optional.empty(), group(legacy)))
                .isPresent();
        assertThat(ClusterRecognition.refusal(entryB(UID_B, Set.of("i-b1")), UID_B, Optional.empty(), group(legacy)))
                .as("on one of its own nodes: the same cluster, before the upgrade").isEmpty();
    }

    @Test
    void aConfiguredOwnerIdIsRecognisedByTheNodesItsBackendsSitOn() {
        Backend ofB = Backend.ecs("i-b1", 30080, 80, "k8s/30080/web/default/c0ffee01");
        OwnerClaim right = OwnerClaim.of("cluster-b", Optional.of("c0ffee01"), UID_B, Set.of("i-b1", "i-b2"));
        OwnerClaim wrong = OwnerClaim.of("cluster-b", Optional.of("c0ffee01"), UID_C, Set.of("i-c1"));
        assertThat(ClusterRecognition.refusal(right, UID_B, Optional.empty(), group(ofB))).isEmpty();
        assertThat(ClusterRecognition.refusal(wrong, UID_C, Optional.empty(), group(ofB))).isPresent();
    }

    @Test
    void anEntryWithNothingInTheGroupsYetIsRecognised() {
        assertThat(ClusterRecognition.refusal(entryB(UID_C, Set.of("i-c1")), UID_C, Optional.empty(), group(HAND, OF_A)))
                .isEmpty();
        assertThat(ClusterRecognition.refusal(entryB(UID_C, Set.of("i-c1")), UID_C, Optional.empty(), Map.of())).isEmpty();
    }

    @Test
    void aPinDecidesWhateverTheGroupsHold() {
        Backend ofOtherDeployment = Backend.ecs("i-y1", 30080, 80, "k8s/30080/web/default/cluster-b.bbbbbbbb");
        assertThat(ClusterRecognition.refusal(entryB(UID_C, Set.of("i-c1")), UID_C, Optional.of(UID_C),
                group(ofOtherDeployment))).as("pinned: another deployment's entry of the same name").isEmpty();
        Optional<String> r = ClusterRecognition.refusal(entryB(UID_C, Set.of("i-c1")), UID_C, Optional.of(UID_B), Map.of());
        assertThat(r).isPresent();
        assertThat(r.get()).contains("pinned to " + UID_B).contains(UID_C);
    }

    @Test
    void backendsOfUnknownTypeAreNoEvidence() {
        Backend other = Backend.of(BackendKey.ecs("x-1", 30080), BackendType.OTHER, 80, "k8s/30080/web/default/cluster-b");
        assertThat(ClusterRecognition.refusal(entryB(UID_C, Set.of("i-c1")), UID_C, Optional.empty(), group(other))).isEmpty();
    }
}
