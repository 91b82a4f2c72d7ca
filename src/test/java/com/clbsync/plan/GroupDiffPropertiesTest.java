package com.clbsync.plan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Over random groups (owned, foreign and conflicting backends) and random wanted states. */
class GroupDiffPropertiesTest {
    private static final Ownership OWNERS = Ownership.of(List.of("a", "b"));
    private static final List<String> DESCRIPTIONS = List.of("k8s/30000/web/default/a", "k8s/30000/api/default/b",
            "", "hand-added", "k8s/30000/web/default/other-cluster");

    @Provide
    Arbitrary<Map<BackendKey, Backend>> groups() {
        Arbitrary<Backend> backend = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 100), Arbitraries.of(DESCRIPTIONS))
                .as((server, weight, description) -> Backend.ecs("i-" + server, 30000, weight, description));
        return backend.list().ofMaxSize(12).map(GroupDiffPropertiesTest::byKey);
    }

    @Provide
    Arbitrary<Map<BackendKey, Backend>> wanted() {
        Arbitrary<Backend> backend = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 100), Arbitraries.of("k8s/30000/web/default/a", "k8s/30000/api/default/b"))
                .as((server, weight, description) -> Backend.ecs("i-" + server, 30000, weight, description));
        return backend.list().ofMaxSize(12).map(GroupDiffPropertiesTest::byKey);
    }

    private static Map<BackendKey, Backend> byKey(List<Backend> list) {
        Map<BackendKey, Backend> m = new LinkedHashMap<>();
        list.forEach(b -> m.putIfAbsent(b.key(), b));
        return m;
    }

    /** What the CLB holds after the plan's adds, weight changes and removals. */
    private static Map<BackendKey, Backend> apply(Map<BackendKey, Backend> group, GroupPlan plan) {
        Map<BackendKey, Backend> after = new LinkedHashMap<>(group);
        plan.adds().forEach(b -> assertThat(after.put(b.key(), b)).as("an add of a present backend").isNull());
        plan.updates().forEach(b -> assertThat(after.put(b.key(), b)).as("an update of a missing backend").isNotNull());
        plan.removes().forEach(b -> assertThat(after.remove(b.key())).as("a removal of a missing backend").isNotNull());
        return after;
    }

    @Property(tries = 500)
    void foreignBackendsNeverChangeAndASecondPlanIsEmpty(@ForAll("groups") Map<BackendKey, Backend> group,
                                                          @ForAll("wanted") Map<BackendKey, Backend> want) {
        DesiredGroup desired = DesiredGroup.of(want, Set.of(), Map.of());
        GroupPlan plan = GroupDiff.compute(new ArrayList<>(group.values()), desired, OWNERS, Freeze.none());
        Map<BackendKey, Backend> after = apply(group, plan);

        List<Backend> foreign = group.values().stream().filter(b -> !OWNERS.owns(b)).collect(Collectors.toList());
        assertThat(after.values()).containsAll(foreign);
        assertThat(GroupDiff.compute(new ArrayList<>(after.values()), desired, OWNERS, Freeze.none()).isEmpty()).isTrue();

        Map<BackendKey, Backend> expected = new LinkedHashMap<>();
        want.forEach((k, b) -> expected.put(k, b));
        foreign.forEach(b -> expected.put(b.key(), b)); // a foreign backend at a wanted key wins: a conflict, left alone
        assertThat(after).isEqualTo(expected);
    }

    @Property(tries = 300)
    void frozenOwnersBackendsAreNeverTouched(@ForAll("groups") Map<BackendKey, Backend> group,
                                             @ForAll("wanted") Map<BackendKey, Backend> want) {
        GroupPlan plan = GroupDiff.compute(new ArrayList<>(group.values()), DesiredGroup.of(want, Set.of(), Map.of()), OWNERS,
                Freeze.of(Set.of("b"), Set.of(), Set.of()));
        Map<BackendKey, Backend> after = apply(group, plan);
        group.values().stream().filter(b -> OWNERS.ownerOf(b).filter("b"::equals).isPresent())
                .forEach(b -> assertThat(after.get(b.key())).isEqualTo(b));
    }
}
