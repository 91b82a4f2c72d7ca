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
}
