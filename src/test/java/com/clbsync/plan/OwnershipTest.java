package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {
    private final Ownership ownership = Ownership.of(List.of("cluster-a", "c8d1e2f3"));

    @Test
    void ownsBackendsWhoseDescriptionNamesAConfiguredOwner() {
        assertThat(ownership.ownerOf(Backend.ecs("i-1", 30080, 100, "k8s/30080/web/default/cluster-a"))).contains("cluster-a");
        assertThat(ownership.owns(Backend.ecs("i-1", 30080, 100, "k8s/30080/web/default/c8d1e2f3"))).isTrue();
    }

    @Test
    void handAddedBackendsAreForeign() {
        assertThat(ownership.owns(Backend.ecs("i-hand", 80, 100, ""))).isFalse();
        assertThat(ownership.owns(Backend.ecs("i-hand", 80, 100, "legacy web server"))).isFalse();
    }

    @Test
    void backendsOfOtherClustersAreForeign() {
        assertThat(ownership.owns(Backend.ecs("i-1", 30080, 100, "k8s/30080/web/default/cluster-z"))).isFalse();
        assertThat(ownership.owns(Backend.ecs("i-1", 30080, 100, "k8s/30080/web/default/clusterid"))).isFalse();
    }

    @Test
    void aDescriptionThatOnlyLooksSimilarIsForeign() {
        assertThat(ownership.owns(Backend.ecs("i-1", 30080, 100, "k8s/30080/web/cluster-a"))).isFalse();
        assertThat(ownership.owns(Backend.ecs("i-1", 30080, 100, "K8S/30080/web/default/cluster-a"))).isFalse();
    }

    @Test
    void aHeldClustersWideClaimNeverTakesWhatAClusterActedOnClaims() {
        String uidA = "aaaaaaaa-0000-4000-8000-000000000001";
        Ownership o = Ownership.of(List.of(OwnerClaim.held("cluster-b", java.util.Optional.empty(), ""),
                OwnerClaim.of("renamed-b", java.util.Optional.empty(), uidA, java.util.Set.of())));
        assertThat(o.ownerOf(Backend.ecs("i-1", 30080, 10, "k8s/30080/web/default/cluster-b.aaaaaaaa")))
                .as("the entry renamed from cluster-b is read: its tag decides").contains("renamed-b.aaaaaaaa");
        assertThat(o.ownerOf(Backend.ecs("i-1", 30080, 10, "k8s/30080/web/default/cluster-b.bbbbbbbb"))).contains("cluster-b");
        assertThat(o.heldOwnerIds()).containsExactly("cluster-b");
    }

    @Test
    void backendsOfUnknownTypeAreNeverOwned() {
        assertThat(ownership.owns(Backend.of(BackendKey.ecs("x-1", 30080), BackendType.OTHER, 10,
                "k8s/30080/web/default/cluster-a"))).isFalse();
    }

    @Test
    void aRetiredOwnersBackendsAreOwnedAsRetiredAndEverythingElseStaysForeign() {
        Ownership o = Ownership.of(List.of("cluster-b")).withRetired(List.of("cluster-a.3f2a1b4c", "cluster-b"));
        Backend retired = Backend.ecs("i-a", 30080, 50, "k8s/30080/web/default/cluster-a.3f2a1b4c");
        Backend live = Backend.ecs("i-b", 30080, 50, "k8s/30080/web/default/cluster-b");
        Backend hand = Backend.ecs("i-hand", 80, 50, "added by hand");
        assertThat(o.ownerOf(retired)).contains("cluster-a.3f2a1b4c");
        assertThat(o.retiredOf(retired)).contains("cluster-a.3f2a1b4c");
        assertThat(o.retiredOf(live)).as("a configured cluster's claim comes first").isEmpty();
        assertThat(o.ownerOf(live)).contains("cluster-b");
        assertThat(o.ownerOf(hand)).isEmpty();
        assertThat(o.retiredOf(Backend.ecs("i-c", 30080, 50, "k8s/30080/web/default/cluster-c"))).isEmpty();
    }
}
