package com.clbsync.sync;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.Refresh;
import com.clbsync.model.ServiceName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeResolverTest {
    private static final ClusterSnapshot CACHED = ClusterSnapshot.of(List.of(),
            List.of(KubeEndpointSlice.of("shop", "web-abcde", "web", List.of())), List.of());

    private static ObjectRef ref(String cluster, ObjectKind kind, String ns, String name) {
        return ObjectRef.of(cluster, kind, ns, name);
    }

    @Test
    void namedServicesSlicesAndNodesAreReadAgainAndTheRestComesFromTheSnapshot() {
        SyncScope scope = SyncScope.targeted(List.of(), List.of(ref("a", ObjectKind.SERVICE, "shop", "api"),
                ref("a", ObjectKind.ENDPOINT_SLICE, "shop", "web-abcde"), ref("a", ObjectKind.ENDPOINTS, "shop", "cart"),
                ref("a", ObjectKind.NODE, "", "n1"), ref("b", ObjectKind.NODE, "", "n9")));

        Optional<Refresh> r = ScopeResolver.refreshOf(scope, "a", CACHED);

        assertThat(r).contains(Refresh.of(Set.of(ServiceName.of("shop", "api")), Set.of(ServiceName.of("shop", "api"),
                ServiceName.of("shop", "web"), ServiceName.of("shop", "cart")), Set.of("n1")));
        assertThat(r.get().requests()).isEqualTo(5);
        assertThat(ScopeResolver.refreshOf(scope, "c", CACHED)).as("a cluster the event does not name").contains(
                Refresh.of(Set.of(), Set.of(), Set.of()));
    }

    @Test
    void aFullRunOrAChangeNotPinnedToNamedObjectsReadsTheClusterInFull() {
        assertThat(ScopeResolver.refreshOf(SyncScope.full(), "a", CACHED)).isEmpty();
        assertThat(ScopeResolver.refreshOf(SyncScope.targeted(List.of("a"), List.of()), "a", CACHED)).isEmpty();
        assertThat(ScopeResolver.refreshOf(SyncScope.targeted(List.of(), List.of(ref("a", ObjectKind.POD, "shop", "p"))),
                "a", CACHED)).isEmpty();
    }

    @Test
    void aNodeEventVisitsTheGroupsOfItsClusterWithoutScanningTheClbs() {
        SyncScope node = SyncScope.targeted(List.of(), List.of(ref("a", ObjectKind.NODE, "", "n1")));
        assertThat(ScopeResolver.needsScan(node)).isFalse();
        assertThat(ScopeResolver.needsScan(SyncScope.targeted(List.of(), List.of(ref("a", ObjectKind.SERVICE, "x", "y"))))).isTrue();
    }
}
