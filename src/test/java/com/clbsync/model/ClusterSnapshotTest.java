package com.clbsync.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSnapshotTest {

    @Test
    void aRefreshReplacesOnlyTheNamedObjectsAndDropsThoseGone() {
        KubeService web = KubeService.of("shop", "web", Map.of(), false, List.of());
        KubeService api = KubeService.of("shop", "api", Map.of(), false, List.of());
        KubeEndpointSlice webSlice = KubeEndpointSlice.of("shop", "web-1", "web", List.of());
        KubeEndpointSlice apiSlice = KubeEndpointSlice.of("shop", "api-1", "api", List.of());
        ClusterSnapshot base = ClusterSnapshot.of(List.of(web, api), List.of(webSlice, apiSlice),
                List.of(KubeNode.ready("n1", "x.i-1"), KubeNode.ready("n2", "x.i-2")));

        KubeService web2 = KubeService.of("shop", "web", Map.of("k", "v"), true, List.of());
        KubeEndpointSlice webSlice2 = KubeEndpointSlice.of("shop", "web-2", "web", List.of(SliceEndpoint.of("10.0.0.1", true, false, "n1")));
        ClusterSnapshot after = base.refreshed(Refresh.of(Set.of(ServiceName.of("shop", "web"), ServiceName.of("shop", "gone")),
                Set.of(ServiceName.of("shop", "web")), Set.of("n2")),
                List.of(web2), List.of(webSlice2), List.of());

        assertThat(after.services()).containsExactlyInAnyOrder(web2, api);
        assertThat(after.slices()).containsExactlyInAnyOrder(webSlice2, apiSlice);
        assertThat(after.nodes()).extracting(KubeNode::name).containsExactly("n1");
    }

    @Test
    void changesSinceASnapshotReplaceAddAndDeleteByKeyAndMoveItsVersions() {
        KubeService web = KubeService.of("shop", "web", Map.of(), false, List.of());
        KubeService api = KubeService.of("shop", "api", Map.of(), false, List.of());
        ClusterSnapshot base = ClusterSnapshot.of(List.of(web, api), List.of(), List.of(KubeNode.ready("n1", "x.i-1")))
                .withIdentity("uid-1").withVersions(ResourceVersions.of("10", "11", "12"));
        KubeService web2 = KubeService.of("shop", "web", Map.of("k", "v"), true, List.of());
        KubeService shop = KubeService.of("shop", "cart", Map.of(), false, List.of());
        ClusterSnapshot after = base.changed(Map.of("shop/web", java.util.Optional.of(web2), "shop/cart",
                java.util.Optional.of(shop), "shop/api", java.util.Optional.empty()), Map.of(),
                Map.of("n2", java.util.Optional.of(KubeNode.ready("n2", "x.i-2"))), ResourceVersions.of("20", "21", "22"));

        assertThat(after.services()).containsExactlyInAnyOrder(web2, shop);
        assertThat(after.nodes()).extracting(KubeNode::name).containsExactly("n1", "n2");
        assertThat(after.versions()).isEqualTo(ResourceVersions.of("20", "21", "22"));
        assertThat(after.identity()).isEqualTo("uid-1");
        assertThat(base.refreshed(Refresh.of(Set.of(), Set.of(), Set.of("n1")), List.of(), List.of(), List.of()).versions())
                .as("a targeted refresh keeps the versions: the changes since them replay what it read, ending newest")
                .isEqualTo(base.versions());
        assertThat(ClusterSnapshot.of(List.of(), List.of(), List.of()).versions().complete()).isFalse();
    }
}
