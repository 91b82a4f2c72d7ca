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
}
