package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GroupDiffTest {
    private static final Ownership OWNERS = Ownership.of(List.of("a", "b"));

    private static Backend owned(String id, int weight) {
        return Backend.ecs(id, 30080, weight, "k8s/30080/web/default/a");
    }

    private static DesiredGroup want(Backend... backends) {
        Map<BackendKey, Backend> m = new LinkedHashMap<>();
        for (Backend b : backends) {
            m.put(b.key(), b);
        }
        return DesiredGroup.of(m, Set.of(), Map.of());
    }

    @Test
    void addsWhatIsMissing() {
        GroupPlan p = GroupDiff.compute(List.of(), want(owned("i-1", 50), owned("i-2", 50)), OWNERS, Freeze.none());
        assertThat(p.adds()).containsExactly(owned("i-1", 50), owned("i-2", 50));
        assertThat(p.updates()).isEmpty();
        assertThat(p.removes()).isEmpty();
    }

    @Test
    void convergedGroupNeedsNoWrite() {
        GroupPlan p = GroupDiff.compute(List.of(owned("i-1", 50)), want(owned("i-1", 50)), OWNERS, Freeze.none());
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.unchanged()).containsExactly(owned("i-1", 50));
    }

    @Test
    void reweightsOwnedBackendsWhoseWeightOrDescriptionDiffers() {
        Backend oldDescription = Backend.ecs("i-2", 30080, 50, "k8s/30080/web/default/b");
        GroupPlan p = GroupDiff.compute(List.of(owned("i-1", 100), oldDescription),
                want(owned("i-1", 50), owned("i-2", 50)), OWNERS, Freeze.none());
        assertThat(p.updates()).containsExactly(owned("i-1", 50), owned("i-2", 50));
        assertThat(p.adds()).isEmpty();
    }

    @Test
    void removesOnlyOwnedBackends() {
        Backend hand = Backend.ecs("i-hand", 80, 30, "");
        Backend other = Backend.ecs("i-9", 30080, 10, "k8s/30080/web/default/zzz");
        GroupPlan p = GroupDiff.compute(List.of(owned("i-1", 50), hand, other), want(), OWNERS, Freeze.none());
        assertThat(p.removes()).containsExactly(owned("i-1", 50));
        assertThat(p.foreign()).containsExactlyInAnyOrder(hand, other);
    }

    @Test
    void aForeignBackendAtAWantedKeyIsAConflictAndLeftAlone() {
        Backend hand = Backend.ecs("i-1", 30080, 7, "added by hand");
        GroupPlan p = GroupDiff.compute(List.of(hand), want(owned("i-1", 50)), OWNERS, Freeze.none());
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.foreign()).containsExactly(hand);
        assertThat(p.conflicts()).singleElement().asString().contains("i-1").contains("does not own");
    }

    @Test
    void frozenOwnersBackendsAreKept() {
        Backend ofB = Backend.ecs("i-7", 30080, 3, "k8s/30080/web/default/b");
        GroupPlan p = GroupDiff.compute(List.of(ofB, owned("i-1", 100)), want(owned("i-1", 50)), OWNERS,
                Freeze.of(Set.of("b"), Set.of(), Set.of()));
        assertThat(p.kept()).containsExactly(ofB);
        assertThat(p.removes()).isEmpty();
        assertThat(p.updates()).containsExactly(owned("i-1", 50));
    }

    @Test
    void frozenServicesBackendsAreKeptButTheirNeighboursChange() {
        Backend web = owned("i-1", 100);
        Backend api = Backend.ecs("i-1", 30081, 100, "k8s/30081/api/default/a");
        GroupPlan p = GroupDiff.compute(List.of(web, api), want(), OWNERS,
                Freeze.of(Set.of(), Set.of(ServiceRef.of("a", "a", "default", "web")), Set.of()));
        assertThat(p.kept()).containsExactly(web);
        assertThat(p.removes()).containsExactly(api);
    }

    @Test
    void contestedKeysAreKeptAndReported() {
        Backend there = owned("i-1", 100);
        DesiredGroup contested = DesiredGroup.of(Map.of(), Set.of(), Map.of(BackendKey.ecs("i-1", 30080),
                Set.of(ServiceRef.of("a", "a", "default", "web"), ServiceRef.of("a", "a", "default", "api"))));
        GroupPlan p = GroupDiff.compute(List.of(there), contested, OWNERS, Freeze.of(Set.of(), Set.of(), Set.of(there.key())));
        assertThat(p.removes()).isEmpty();
        assertThat(p.kept()).containsExactly(there);
        assertThat(p.conflicts()).singleElement().asString().contains("several Services");
    }

    @Test
    void lockedWeightsKeepTheCurrentWeight() {
        DesiredGroup locked = DesiredGroup.of(Map.of(BackendKey.ecs("i-1", 30080), owned("i-1", 50)),
                Set.of(BackendKey.ecs("i-1", 30080)), Map.of());
        GroupPlan p = GroupDiff.compute(List.of(owned("i-1", 77)), locked, OWNERS, Freeze.none());
        assertThat(p.isEmpty()).isTrue();
    }

    @Test
    void backendsWithTheSameServerButAnotherPortAreDifferentBackends() {
        Backend hand = Backend.ecs("i-1", 80, 100, "");
        GroupPlan p = GroupDiff.compute(List.of(hand), want(owned("i-1", 50)), OWNERS, Freeze.none());
        assertThat(p.adds()).containsExactly(owned("i-1", 50));
        assertThat(p.conflicts()).isEmpty();
    }
}
