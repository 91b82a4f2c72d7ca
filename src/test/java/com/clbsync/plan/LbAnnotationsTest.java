package com.clbsync.plan;

import com.clbsync.model.KubeService;
import com.clbsync.model.ServicePort;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.clbsync.plan.Fixtures.annotations;
import static com.clbsync.plan.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LbAnnotationsTest {

    private static ServiceLbSpec parse(String... kv) throws AnnotationException {
        return LbAnnotations.parse(service("web", annotations(kv))).orElseThrow();
    }

    @Test
    void aServiceWithoutVgroupPortIsNotOurs() throws Exception {
        assertThat(LbAnnotations.parse(service("web", Map.of()))).isEmpty();
        assertThat(LbAnnotations.parse(service("web", annotations("id", "lb-1")))).isEmpty();
    }

    @Test
    void readsSeveralGroupPortPairsWithSpaces() throws Exception {
        ServiceLbSpec spec = parse("id", "lb-1", "vgroup-port", "rsp-a:80, rsp-b : 443");
        assertThat(spec.loadBalancerId()).isEqualTo("lb-1");
        assertThat(spec.groups()).containsExactly(GroupPort.of("rsp-a", 80), GroupPort.of("rsp-b", 443));
        assertThat(spec.weight()).isNull();
        assertThat(spec.defaultWeight()).isEqualTo(100);
        assertThat(spec.backendType()).isEqualTo(BackendType.ECS);
    }

    @Test
    void acceptsTheOldAlicloudPrefix() throws Exception {
        String old = LbAnnotations.OLD_PREFIX;
        ServiceLbSpec spec = LbAnnotations.parse(service("web", Map.of(old + "id", "lb-9", old + "vgroup-port", "rsp-x:80",
                old + "weight", "30"))).orElseThrow();
        assertThat(spec.loadBalancerId()).isEqualTo("lb-9");
        assertThat(spec.weight()).isEqualTo(30);
    }

    @Test
    void readsWeightsAndOptions() throws Exception {
        ServiceLbSpec spec = parse("id", "lb-1", "vgroup-port", "rsp-a:80", "weight", "0", "default-weight", "50",
                "ignore-weight-update", "on", "remove-unscheduled-backend", "on", "backend-label", "a=1, b=2");
        assertThat(spec.weight()).isZero();
        assertThat(spec.defaultWeight()).isEqualTo(50);
        assertThat(spec.ignoreWeightUpdate()).isTrue();
        assertThat(spec.removeUnscheduled()).isTrue();
        assertThat(spec.backendLabels()).containsEntry("a", "1").containsEntry("b", "2").hasSize(2);
        assertThat(parse("id", "lb-1", "vgroup-port", "rsp-a:80", "weight", "100").weight()).isEqualTo(100);
    }

    @Test
    void rejectsAWeightThatIsNotAnIntegerInRange() {
        for (String bad : List.of("abc", "150", "-1", "", "1.5", "101")) {
            assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:80", "weight", bad))
                    .isInstanceOf(AnnotationException.class)
                    .hasMessageContaining(LbAnnotations.PREFIX + "weight")
                    .hasMessageContaining("0..100");
        }
    }

    @Test
    void rejectsAMappingWithoutColon() {
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a"))
                .isInstanceOf(AnnotationException.class)
                .hasMessageContaining("vgroup-port").hasMessageContaining("'vsp-xxx:443'");
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:80,"))
                .hasMessageContaining("'vsp-xxx:443'");
    }

    @Test
    void rejectsANonNumericOrUnknownPort() {
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:http"))
                .hasMessageContaining("port \"http\" is not a number");
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:8080"))
                .hasMessageContaining("the Service has no port 8080");
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:70000"))
                .hasMessageContaining("is not a number 1..65535");
    }

    @Test
    void rejectsAGroupMappedTwiceOrABadGroupId() {
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:80,rsp-a:443"))
                .hasMessageContaining("mapped more than once");
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", ":80"))
                .hasMessageContaining("is not a vServer group id");
    }

    @Test
    void rejectsVgroupPortWithoutLoadBalancerId() {
        assertThatThrownBy(() -> parse("vgroup-port", "rsp-a:80"))
                .isInstanceOf(AnnotationException.class)
                .hasMessageContaining(LbAnnotations.PREFIX + "id").hasMessageContaining("missing");
    }

    @Test
    void rejectsAnEcsServiceWithoutNodePort() {
        KubeService clusterIp = KubeService.of("default", "web", annotations("id", "lb-1", "vgroup-port", "rsp-a:80"),
                false, List.of(ServicePort.of("http", 80, null, "8080")));
        assertThatThrownBy(() -> LbAnnotations.parse(clusterIp))
                .hasMessageContaining("spec.ports[port=80].nodePort");
    }

    @Test
    void rejectsUnknownBackendTypeAndBadOptions() {
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:80", LbAnnotations.BACKEND_TYPE, "vm"))
                .hasMessageContaining(LbAnnotations.BACKEND_TYPE);
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:80", "ignore-weight-update", "yes"))
                .hasMessageContaining("ignore-weight-update");
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:80", "backend-label", "novalue"))
                .hasMessageContaining("backend-label");
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "rsp-a:80", "default-weight", "200"))
                .hasMessageContaining("default-weight");
    }

    @Test
    void namesTheFieldAtFault() {
        AnnotationException e = org.junit.jupiter.api.Assertions.assertThrows(AnnotationException.class,
                () -> parse("id", "lb-1", "vgroup-port", "rsp-a:80", "weight", "abc"));
        assertThat(e.field()).isEqualTo(LbAnnotations.PREFIX + "weight");
    }

    @Test
    void oneKindOfLoadBalancerPerService() throws Exception {
        assertThat(parse("id", "nlb-1", "vgroup-port", "sgp-a:80").kind()).isEqualTo(LbKind.NLB);
        assertThat(parse("id", "lb-1", "vgroup-port", "rsp-a:80").kind()).isEqualTo(LbKind.CLB);
        assertThatThrownBy(() -> parse("id", "nlb-1", "vgroup-port", "rsp-a:80")).isInstanceOf(AnnotationException.class)
                .hasMessageContaining("\"rsp-a\" is a CLB vServer group, but the load balancer nlb-1 is an NLB");
        assertThatThrownBy(() -> parse("id", "lb-1", "vgroup-port", "sgp-a:80")).isInstanceOf(AnnotationException.class)
                .hasMessageContaining("\"sgp-a\" is an NLB server group, but the load balancer lb-1 is a CLB");
    }

    @Test
    void theNlbLoadBalancerClassAsksForAnNlbId() {
        KubeService s = KubeService.of("default", "web", annotations("id", "lb-1", "vgroup-port", "rsp-a:80"), false,
                List.of(ServicePort.of("http", 80, 30080, "8080"))).withLoadBalancerClass(LbAnnotations.NLB_CLASS);
        assertThatThrownBy(() -> LbAnnotations.parse(s)).isInstanceOf(AnnotationException.class)
                .hasMessage("spec.loadBalancerClass: alibabacloud.com/nlb asks for an NLB, but "
                        + LbAnnotations.PREFIX + "id is lb-1, a CLB");
    }
}
