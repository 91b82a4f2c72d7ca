package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RemovableTest {
    private static final ServiceRef WEB = ServiceRef.of("cluster-a", "owner-a", "shop", "web");
    private static final Backend OF_WEB = Backend.ecs("i-1", 30080, 100, BackendDescription.format(30080, "web", "shop", "owner-a"));
    private static final Backend OF_API = Backend.ecs("i-1", 30081, 100, BackendDescription.format(30081, "api", "shop", "owner-a"));
    private static final Backend OF_B = Backend.ecs("i-9", 31080, 100, BackendDescription.format(31080, "web", "shop", "owner-b"));

    @Test
    void aFullRunMayRemoveEveryOwnedBackend() {
        assertThat(Removable.all().allows(OF_API, "owner-a")).isTrue();
        assertThat(Removable.all().allows(OF_B, "owner-b")).isTrue();
    }

    @Test
    void aTargetedRunRemovesOnlyWhatItReadAfresh() {
        Removable r = Removable.readAfresh(Set.of(), List.of(WEB), Set.of());
        assertThat(r.allows(OF_WEB, "owner-a")).as("its Service read afresh").isTrue();
        assertThat(r.allows(OF_API, "owner-a")).as("another Service of the same cluster, from the snapshot").isFalse();
        assertThat(r.allows(OF_B, "owner-b")).as("the same name under another owner").isFalse();
    }

    @Test
    void aClusterReadInFullOrANodeReadAfreshAllowsItsBackends() {
        assertThat(Removable.readAfresh(Set.of("owner-b"), List.of(), Set.of()).allows(OF_B, "owner-b")).isTrue();
        assertThat(Removable.readAfresh(Set.of(), List.of(), Set.of("i-1")).allows(OF_API, "owner-a")).isTrue();
        assertThat(Removable.readAfresh(Set.of(), List.of(), Set.of("i-1")).allows(OF_B, "owner-b")).isFalse();
    }

    @Test
    void aHeldRemovalIsKeptByTheDiffWhileWeightsStillChange() {
        Freeze f = Freeze.none().withRemovable(Removable.readAfresh(Set.of(), List.of(WEB), Set.of()));
        DesiredGroup want = DesiredGroup.of(java.util.Map.of(OF_WEB.key(), OF_WEB.withWeight(50)), Set.of(), java.util.Map.of());
        GroupPlan plan = GroupDiff.compute(List.of(OF_WEB, OF_API), want, Ownership.of(Set.of("owner-a")), f);
        assertThat(plan.removes()).isEmpty();
        assertThat(plan.kept()).containsExactly(OF_API);
        assertThat(plan.updates()).containsExactly(OF_WEB.withWeight(50));
    }
}
