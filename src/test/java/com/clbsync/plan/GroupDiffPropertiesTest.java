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

/**
 * Over random groups (owned, foreign and conflicting backends; ECS keys at several ports and ENI keys with
 * pod IPs) and random wanted states, with frozen owners, Services and keys, weight locks and a drain.
 */
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

    /** A key of either kind: ECS instances at two node ports, ENIs (with pod IPs) at two target ports. */
    private static Arbitrary<BackendKey> anyKey() {
        Arbitrary<BackendKey> ecs = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(30000, 30001))
                .as((server, port) -> BackendKey.ecs("i-" + server, port));
        Arbitrary<BackendKey> eni = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 3),
                Arbitraries.of(8080, 8081)).as((eniId, ip, port) -> BackendKey.of("eni-" + eniId, port, "10.0.0." + ip));
        return Arbitraries.oneOf(ecs, eni);
    }

    private static Backend backend(BackendKey key, int weight, String description) {
        return Backend.of(key, key.serverIp().isEmpty() ? BackendType.ECS : BackendType.ENI, weight, description);
    }

    @Provide
    Arbitrary<Map<BackendKey, Backend>> mixedGroups() {
        return Combinators.combine(anyKey(), Arbitraries.integers().between(0, 100), Arbitraries.of(DESCRIPTIONS))
                .as(GroupDiffPropertiesTest::backend).list().ofMaxSize(16).map(GroupDiffPropertiesTest::byKey);
    }

    @Provide
    Arbitrary<Map<BackendKey, Backend>> mixedWanted() {
        return Combinators.combine(anyKey(), Arbitraries.integers().between(0, 100),
                Arbitraries.of("k8s/30000/web/default/a", "k8s/8080/api/default/b"))
                .as(GroupDiffPropertiesTest::backend).list().ofMaxSize(16).map(GroupDiffPropertiesTest::byKey);
    }

    @Provide
    Arbitrary<Set<BackendKey>> someKeys() {
        return anyKey().set().ofMaxSize(6);
    }

    @Property(tries = 500)
    void withEveryKindOfKeyFreezeAndWeightLockNothingHeldMovesAndTheRestConverges(
            @ForAll("mixedGroups") Map<BackendKey, Backend> group, @ForAll("mixedWanted") Map<BackendKey, Backend> want,
            @ForAll("someKeys") Set<BackendKey> contested, @ForAll("someKeys") Set<BackendKey> locked,
            @ForAll boolean freezeB, @ForAll boolean freezeServiceWeb) {
        Freeze freeze = Freeze.of(freezeB ? Set.of("b") : Set.of(), freezeServiceWeb ? Set.of(ServiceRef.of("a", "a", "default", "web"))
                : Set.of(), Set.of()).withKeys(contested);
        DesiredGroup desired = DesiredGroup.of(want, locked, Map.of());
        GroupPlan plan = GroupDiff.compute(new ArrayList<>(group.values()), desired, OWNERS, freeze);
        Map<BackendKey, Backend> after = apply(group, plan);

        for (Backend b : group.values()) {
            java.util.Optional<String> owner = OWNERS.ownerOf(b);
            if (owner.isEmpty() || freeze.reason(b, owner.get()).isPresent()) {
                assertThat(after.get(b.key())).as("foreign or held: exactly as it was").isEqualTo(b);
            } else if (locked.contains(b.key()) && want.containsKey(b.key())) {
                assertThat(after.get(b.key()).weight()).as("weight-locked: its weight stays").isEqualTo(b.weight());
            }
        }
        GroupPlan again = GroupDiff.compute(new ArrayList<>(after.values()), desired, OWNERS, freeze);
        assertThat(again.isEmpty()).as("a second plan over what the first left: nothing to do").isTrue();
    }

    @Property(tries = 500)
    void aDrainedBackendGoesToZeroFirstAndLeavesOnlyWhenDeadOrDrainedLongEnough(
            @ForAll("mixedGroups") Map<BackendKey, Backend> group, @ForAll("mixedWanted") Map<BackendKey, Backend> want,
            @ForAll("someKeys") Set<BackendKey> dead, @ForAll("someKeys") Set<BackendKey> zeroLongAgo) {
        java.time.Instant now = java.time.Instant.parse("2026-12-07T00:00:00Z");
        Map<BackendKey, java.time.Instant> zeroSince = new LinkedHashMap<>();
        zeroLongAgo.forEach(k -> zeroSince.put(k, now.minusSeconds(60)));
        Drain drain = Drain.of(java.time.Duration.ofSeconds(30), b -> !dead.contains(b.key()), zeroSince, now);
        GroupPlan plan = GroupDiff.compute(new ArrayList<>(group.values()), DesiredGroup.of(want, Set.of(), Map.of()), OWNERS,
                Freeze.none(), drain);
        Map<BackendKey, Backend> after = apply(group, plan);

        for (Backend b : group.values()) {
            if (!OWNERS.owns(b) || want.containsKey(b.key())) {
                continue;
            }
            boolean gone = dead.contains(b.key()) || (b.weight() == 0 && zeroLongAgo.contains(b.key()));
            if (gone) {
                assertThat(after).as("dead, or drained long enough: removed").doesNotContainKey(b.key());
            } else {
                assertThat(after.get(b.key())).as("live and unwanted: kept, at weight 0").isNotNull()
                        .extracting(Backend::weight).isEqualTo(0);
            }
        }
    }
}
