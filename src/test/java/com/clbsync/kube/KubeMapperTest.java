package com.clbsync.kube;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeService;
import io.kubernetes.client.openapi.models.DiscoveryV1EndpointPort;
import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointConditions;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KubeMapperTest {

    @Test
    void aServiceKeepsOnlyTheAnnotationsClbSyncReadsAndItsUid() {
        V1Service s = new V1Service().metadata(new V1ObjectMeta().namespace("shop").name("web").uid("u-1").annotations(Map.of(
                "kubectl.kubernetes.io/last-applied-configuration", "{...a large document...}",
                "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight", "20",
                "service.beta.kubernetes.io/backend-type", "eni")));
        KubeService k = KubeMapper.service(s);
        assertThat(k.annotations()).containsOnlyKeys("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight",
                "service.beta.kubernetes.io/backend-type");
        assertThat(k.uid()).isEqualTo("u-1");
    }

    @Test
    void aSliceCarriesItsPortNumbersAddressTypeAndTheServingCondition() {
        V1EndpointSlice s = new V1EndpointSlice().metadata(new V1ObjectMeta().namespace("shop").name("web-1")
                .labels(Map.of("kubernetes.io/service-name", "web"))).addressType("IPv6")
                .ports(List.of(new DiscoveryV1EndpointPort().name("http").port(8080)))
                .endpoints(List.of(new V1Endpoint().addresses(List.of("fd00::1")).nodeName("n1")
                        .conditions(new V1EndpointConditions().ready(false).serving(true).terminating(true))));
        KubeEndpointSlice k = KubeMapper.slice(s);
        assertThat(k.port("http")).contains(8080);
        assertThat(k.ipv4()).isFalse();
        assertThat(k.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.draining()).isTrue();
            assertThat(e.serving()).isFalse();
        });
    }
}
