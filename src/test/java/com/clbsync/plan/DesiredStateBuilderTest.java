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
    void eniServicesAreFrozenWhenTheirEnisAreUnknown() {
        KubeService eni = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80", LbAnnotations.BACKEND_TYPE, "eni"));
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(eni), List.of())),
                EniIds.unavailable("DescribeNetworkInterfaces: 503 ServiceUnavailable"));
        assertThat(d.frozenServices()).singleElement().extracting(FrozenService::reason).asString()
                .contains("ENIs of its pods are unknown").contains("ServiceUnavailable");
        assertThat(d.targetsByGroup()).isEmpty();
    }

    private static KubeService eniService(String name, String targetPort, String... extra) {
        Map<String, String> a = new java.util.HashMap<>(annotations("id", "lb-1", "vgroup-port", "rsp-1:80"));
        for (int i = 0; i < extra.length; i += 2) {
            a.put(extra[i], extra[i + 1]);
        }
        return KubeService.of("default", name, a, false, List.of(com.clbsync.model.ServicePort.of("http", 80, null, targetPort)));
    }

    @Test
    void eachServingPodIsAnEniBackendAtItsEniIpAndTargetPort() {
        KubeService web = eniService("web", "8080", LbAnnotations.BACKEND_TYPE, "eni");
        KubeEndpointSlice s = KubeEndpointSlice.of("default", "web-1", "web", List.of(
                SliceEndpoint.of("10.0.0.1", true, false, "n1"),
                SliceEndpoint.of("10.0.0.2", true, false, "n1"),
                SliceEndpoint.of("10.0.0.3", false, true, true, "n2"),   // terminating, still serving: kept at 0
                SliceEndpoint.of("10.0.0.4", false, false, "n2"),         // not ready while others serve: no backend
                SliceEndpoint.of("10.0.0.5", true, false, "n2")));        // no ENI: reported, no backend
        ClusterView c = cluster("a", List.of(web), List.of(s));
        assertThat(DesiredStateBuilder.eniAddresses(List.of(c))).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3",
                "10.0.0.4", "10.0.0.5");

        DesiredState d = DesiredStateBuilder.build(List.of(c), onNodeI1(Map.of("10.0.0.1", "eni-1", "10.0.0.2", "eni-1",
                "10.0.0.3", "eni-3", "10.0.0.4", "eni-4")));

        ServiceTarget t = d.targetsByGroup().get("rsp-1").get(0);
        assertThat(t.type()).isEqualTo(BackendType.ENI);
        assertThat(t.local()).isFalse();
        assertThat(t.podsByBackend()).containsOnlyKeys(BackendKey.of("eni-1", 8080, "10.0.0.1"),
                BackendKey.of("eni-1", 8080, "10.0.0.2"));
        assertThat(t.zeroOnly()).containsExactly(BackendKey.of("eni-3", 8080, "10.0.0.3"));
        assertThat(t.description()).as("the CCM writes the target port for ENI backends").isEqualTo("k8s/8080/web/default/owner-a");
        assertThat(d.heldAddresses()).containsExactly("10.0.0.5");
        assertThat(d.warnings()).singleElement().asString().contains("a/default/web").contains("10.0.0.5").contains("without an ENI");
        assertThat(d.isLive(Backend.of(BackendKey.of("eni-4", 8080, "10.0.0.4"), BackendType.ENI, 0, ""))).isTrue();
        assertThat(d.isLive(Backend.of(BackendKey.of("eni-9", 8080, "10.0.0.9"), BackendType.ENI, 0, ""))).isFalse();
    }

    @Test
    void theClusterDefaultMakesUnannotatedServicesEniAndTheAnnotationStillWins() {
        KubeService plain = eniService("plain", "8080");
        KubeService nodes = KubeService.of("default", "nodes", annotations("id", "lb-1", "vgroup-port", "rsp-2:80",
                LbAnnotations.BACKEND_TYPE, "ecs"), false, List.of(com.clbsync.model.ServicePort.of("http", 80, 30080, "8080")));
        KubeEndpointSlice s = KubeEndpointSlice.of("default", "plain-1", "plain", List.of(SliceEndpoint.of("10.0.0.1", true, false, "n1")));
        ClusterView terway = cluster("a", List.of(plain, nodes), List.of(s)).withDefaultBackendType(BackendType.ENI);

        DesiredState d = DesiredStateBuilder.build(List.of(terway), onNodeI1(Map.of("10.0.0.1", "eni-1")));

        assertThat(d.targetsByGroup().get("rsp-1").get(0).podsByBackend()).containsOnlyKeys(BackendKey.of("eni-1", 8080, "10.0.0.1"));
        assertThat(d.targetsByGroup().get("rsp-2").get(0).podsByBackend()).containsOnlyKeys(BackendKey.ecs("i-1", 30080),
                BackendKey.ecs("i-2", 30080));
    }

    @Test
    void aNamedTargetPortGivesEniBackendsThePortNumberOfTheSlicesCarryingIt() {
        KubeService web = eniService("web", "http", LbAnnotations.BACKEND_TYPE, "eni");
        KubeEndpointSlice http = KubeEndpointSlice.of("default", "web-http", "web", List.of(
                SliceEndpoint.of("10.0.0.1", true, false, "n1"))).withPorts(Map.of("http", 8080));
        KubeEndpointSlice grpc = KubeEndpointSlice.of("default", "web-grpc", "web", List.of(
                SliceEndpoint.of("10.0.1.1", true, false, "n2"))).withPorts(Map.of("grpc", 9090));

        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of(http, grpc))),
                onNodeI1(Map.of("10.0.0.1", "eni-1", "10.0.1.1", "eni-2")));

        assertThat(d.targetsByGroup().get("rsp-1").get(0).podsByBackend()).containsOnlyKeys(BackendKey.of("eni-1", 8080, "10.0.0.1"));
    }

    @Test
    void anEniServiceWithNoServingPodKeepsItsNotReadyPodsAtZero() {
        KubeService web = eniService("web", "8080", LbAnnotations.BACKEND_TYPE, "eni");
        KubeEndpointSlice s = KubeEndpointSlice.of("default", "web-1", "web", List.of(
                SliceEndpoint.of("10.0.0.1", false, false, "n1"), SliceEndpoint.of("10.0.0.2", false, false, "n1")));
        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of(s))),
                onNodeI1(Map.of("10.0.0.1", "eni-1", "10.0.0.2", "eni-2")));
        ServiceTarget t = d.targetsByGroup().get("rsp-1").get(0);
        assertThat(t.podsByBackend()).isEmpty();
        assertThat(t.zeroOnly()).containsExactly(BackendKey.of("eni-1", 8080, "10.0.0.1"), BackendKey.of("eni-2", 8080, "10.0.0.2"));
    }

    @Test
    void aDualStackServiceCountsEachPodOnceFromItsIpv4Slice() {
        KubeService web = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80"), true);
        KubeEndpointSlice v4 = KubeEndpointSlice.of("default", "web-v4", "web", List.of(
                SliceEndpoint.of("10.0.0.1", true, false, "n1"))).withAddressType("IPv4");
        KubeEndpointSlice v6 = KubeEndpointSlice.of("default", "web-v6", "web", List.of(
                SliceEndpoint.of("fd00::1", true, false, "n1"))).withAddressType("IPv6");
        ServiceTarget t = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of(v4, v6)))).targetsByGroup()
                .get("rsp-1").get(0);
        assertThat(t.podsByBackend()).containsExactly(Map.entry(BackendKey.ecs("i-1", 30080), 1));
    }

    @Test
    void aLocalNodeWhosePodsAreAllShuttingDownIsKeptAtZero() {
        KubeService web = service("web", annotations("id", "lb-1", "vgroup-port", "rsp-1:80"), true);
        KubeEndpointSlice s = KubeEndpointSlice.of("default", "web-1", "web", List.of(
                SliceEndpoint.of("10.0.0.1", true, false, "n1"),
                SliceEndpoint.of("10.0.0.2", false, true, true, "n2")));
        ServiceTarget t = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of(s)))).targetsByGroup().get("rsp-1").get(0);
        assertThat(t.podsByBackend()).containsOnlyKeys(BackendKey.ecs("i-1", 30080));
        assertThat(t.zeroOnly()).containsExactly(BackendKey.ecs("i-2", 30080));
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
                .withPorts(Map.of("http", 8080));
        KubeEndpointSlice grpc = KubeEndpointSlice.of("default", "web-grpc", "web", List.of(
                SliceEndpoint.of("10.0.1.1", true, false, "n2"), SliceEndpoint.of("10.0.1.2", true, false, "n2"),
                SliceEndpoint.of("10.0.1.3", true, false, "n2"))).withPorts(Map.of("grpc", 9090));

        DesiredState d = DesiredStateBuilder.build(List.of(cluster("a", List.of(web), List.of(http, grpc))));

        ServiceTarget byName = d.targetsByGroup().get("rsp-1").get(0);
        assertThat(byName.podsByBackend()).containsExactly(Map.entry(BackendKey.ecs("i-1", 30080), 2));
        assertThat(byName.servingEndpoints()).isEqualTo(2);
        ServiceTarget byNumber = d.targetsByGroup().get("rsp-2").get(0);
        assertThat(byNumber.podsByBackend()).containsExactly(Map.entry(BackendKey.ecs("i-1", 30443), 2),
                Map.entry(BackendKey.ecs("i-2", 30443), 3));
    }

    /** Pod IP to ENI id, each ENI attached to instance i-1 (node n1 of the test clusters). */
    private static EniIds onNodeI1(Map<String, String> byIp) {
        Map<String, List<Eni>> out = new java.util.HashMap<>();
        byIp.forEach((ip, eni) -> out.put(ip, List.of(Eni.of(eni, "i-1"))));
        return EniIds.of(out);
    }
}
