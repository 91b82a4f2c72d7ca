package com.clbsync.plan;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.clbsync.model.SliceEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.clbsync.plan.Fixtures.annotations;
import static com.clbsync.plan.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

class DesiredStateBuilderTest {
    private static final List<KubeNode> NODES = List.of(
            KubeNode.ready("n1", "cn-hangzhou.i-1"),
            KubeNode.ready("n2", "cn-hangzhou.i-2"),
            KubeNode.of("n3", "cn-hangzhou.i-3", Map.of(), false, false, Set.of()));

    private static ClusterView cluster(String name, List<KubeService> services, List<KubeEndpointSlice> slices) {
        return ClusterView.of(name, "owner-" + name, ClusterSnapshot.of(services, slices, NODES));
    }

    @Test
    void everyEligibleNodeIsABackendAtTheNodePort() {
        KubeService web = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80,rsp-2:443"));
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of())));

        assertThat(d.targetsByGroup()).containsOnlyKeys("rsp-1", "rsp-2");
        ServiceTarget t = d.targetsByGroup().get("rsp-1").get(0);
        assertThat(t.podsByBackend()).containsOnlyKeys(BackendKey.ecs("i-1", 30080), BackendKey.ecs("i-2", 30080));
        assertThat(t.description()).isEqualTo("k8s/30080/web/default/owner-a");
        assertThat(t.loadBalancerId()).isEqualTo("lb-1");
        assertThat(d.targetsByGroup().get("rsp-2").get(0).podsByBackend()).containsOnlyKeys(
                BackendKey.ecs("i-1", 30443), BackendKey.ecs("i-2", 30443));
        assertThat(d.frozenServices()).isEmpty();
    }

    @Test
    void servicesOfSeveralClustersFeedOneGroup() {
        KubeService a = service("service-a", annotations("id", "lb-1", "vgroup-port", "rsp-1:80", "weight", "20"));
        KubeService b = service("service-b", annotations("id", "lb-1", "vgroup-port", "rsp-1:80", "weight", "80"));
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(a), List.of()), cluster("b", List.of(b), List.of())));
        assertThat(d.targetsByGroup().get("rsp-1")).extracting(t -> t.service().toString())
                .containsExactly("a/default/service-a", "b/default/service-b");
    }

    @Test
    void aBadAnnotationFreezesTheServiceWithItsName() {
        KubeService bad = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80", "weight", "abc"));
        KubeService good = service("api", annotations("id", "lb-1", "vgroup-port", "rsp-2:80"));
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(bad, good), List.of())));
        assertThat(d.frozenServices()).hasSize(1);
        assertThat(d.frozenServices().get(0).toString()).contains("a: default/web").contains("weight").contains("abc");
        assertThat(d.targetsByGroup()).containsOnlyKeys("rsp-2");
    }

    @Test
    void eniServicesAreFrozenUntilSupported() {
        KubeService eni = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80", LbAnnotations.BACKEND_TYPE, "eni"));
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(eni), List.of())));
        assertThat(d.frozenServices()).singleElement().extracting(FrozenService::reason).asString().contains("not supported");
        assertThat(d.targetsByGroup()).isEmpty();
    }

    @Test
    void unannotatedServicesAreIgnored() {
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(service("web", Map.of())), List.of())));
        assertThat(d.targetsByGroup()).isEmpty();
        assertThat(d.frozenServices()).isEmpty();
    }

    @Test
    void aNodeWithAnUnreadableProviderIdIsNoBackendAndIsReported() {
        KubeService web = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80"));
        ClusterView c = ClusterView.of("a", "a", ClusterSnapshot.of(List.of(web), List.of(),
                List.of(KubeNode.ready("n1", "cn-hangzhou.i-1"), KubeNode.ready("odd", "gce://p/z/odd"))));
        DesiredState d = DesiredStateBuilder.build(List.of(c));
        assertThat(d.targetsByGroup().get("rsp-1").get(0).podsByBackend()).containsOnlyKeys(BackendKey.ecs("i-1", 30080));
        assertThat(d.warnings()).singleElement().asString().contains("node odd").contains("spec.providerID");
    }

    @Test
    void localPolicyUsesOnlyNodesWithServingPodsCountingDistinctIps() {
        KubeService web = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80"), true);
        KubeEndpointSlice s1 = KubeEndpointSlice.of("default", "web-1", "web", List.of(
                SliceEndpoint.of("10.0.0.1", true, false, "n1"),
                SliceEndpoint.of("10.0.0.2", true, false, "n1"),
                SliceEndpoint.of("10.0.0.3", true, true, "n2"),
                SliceEndpoint.of("10.0.0.4", false, false, "n2")));
        KubeEndpointSlice s2 = KubeEndpointSlice.of("default", "web-2", "web", List.of(
                SliceEndpoint.of("10.0.0.1", true, false, "n1"),
                SliceEndpoint.of("10.0.0.5", true, false, "")));
        KubeEndpointSlice other = KubeEndpointSlice.of("default", "api-1", "api", List.of(
                SliceEndpoint.of("10.0.0.9", true, false, "n2")));
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of(s1, s2, other))));
        ServiceTarget t = d.targetsByGroup().get("rsp-1").get(0);
        assertThat(t.local()).isTrue();
        assertThat(t.podsByBackend()).containsExactly(Map.entry(BackendKey.ecs("i-1", 30080), 2));
        assertThat(t.servingEndpoints()).as("ready and not terminating, with or without a node").isEqualTo(3);
    }

    @Test
    void aNamedTargetPortCountsOnlyTheSlicesCarryingThatPortName() {
        KubeService web = KubeService.of("default", "web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80,rsp-2:443"), true,
                List.of(com.clbsync.model.ServicePort.of("http", 80, 30080, "http"),
                        com.clbsync.model.ServicePort.of("https", 443, 30443, "8443")));
        // the http pods run on n1 only; another port name's pods on n2; a numeric targetPort counts every slice
        KubeEndpointSlice http = KubeEndpointSlice.of("default", "web-http", "web", List.of(
                SliceEndpoint.of("10.0.0.1", true, false, "n1"), SliceEndpoint.of("10.0.0.2", true, false, "n1")))
                .withPortNames(Set.of("http"));
        KubeEndpointSlice grpc = KubeEndpointSlice.of("default", "web-grpc", "web", List.of(
                SliceEndpoint.of("10.0.1.1", true, false, "n2"), SliceEndpoint.of("10.0.1.2", true, false, "n2"),
                SliceEndpoint.of("10.0.1.3", true, false, "n2"))).withPortNames(Set.of("grpc"));

        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of(http, grpc))));

        ServiceTarget byName = d.targetsByGroup().get("rsp-1").get(0);
        assertThat(byName.podsByBackend()).containsExactly(Map.entry(BackendKey.ecs("i-1", 30080), 2));
        assertThat(byName.servingEndpoints()).isEqualTo(2);
        ServiceTarget byNumber = d.targetsByGroup().get("rsp-2").get(0);
        assertThat(byNumber.podsByBackend()).containsExactly(Map.entry(BackendKey.ecs("i-1", 30443), 2),
                Map.entry(BackendKey.ecs("i-2", 30443), 3));
    }
}
