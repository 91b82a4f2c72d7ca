package com.clbsync.kube;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.google.gson.stream.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The objects as an API server's JSON, read as {@link ListStream} reads them, mapped into clb-sync's values. */
class KubeObjectsTest {

    private static Map<?, ?> json(String text) throws Exception {
        return (Map<?, ?>) ListStream.reduced(new JsonReader(new StringReader(text)), "");
    }

    @Test
    void aServiceKeepsOnlyTheAnnotationsClbSyncReadsItsUidPortsAndClass() throws Exception {
        KubeService k = KubeObjects.service(json("{\"metadata\":{\"namespace\":\"shop\",\"name\":\"web\",\"uid\":\"u-1\","
                + "\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"{...a large document...}\","
                + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight\":\"20\","
                + "\"service.beta.kubernetes.io/backend-type\":\"eni\"}},\"spec\":{\"externalTrafficPolicy\":\"Local\","
                + "\"loadBalancerClass\":\"alibabacloud.com/nlb\",\"ports\":[{\"name\":\"http\",\"port\":80,\"nodePort\":30080,"
                + "\"protocol\":\"UDP\",\"targetPort\":8080},{\"port\":443,\"targetPort\":\"https\"}]}}"));
        assertThat(k.annotations()).containsOnlyKeys("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight",
                "service.beta.kubernetes.io/backend-type");
        assertThat(k.uid()).isEqualTo("u-1");
        assertThat(k.localTrafficPolicy()).isTrue();
        assertThat(k.loadBalancerClass()).isEqualTo("alibabacloud.com/nlb");
        assertThat(k.ports()).extracting(p -> p.name() + ":" + p.port() + ":" + p.nodePort() + ":" + p.targetPort() + ":"
                + p.protocol()).containsExactly("http:80:30080:8080:UDP", ":443:null:https:TCP");
    }

    @Test
    void aSliceCarriesItsPortNumbersAddressTypeAndTheServingCondition() throws Exception {
        KubeEndpointSlice k = KubeObjects.slice(json("{\"metadata\":{\"namespace\":\"shop\",\"name\":\"web-1\",\"labels\":"
                + "{\"kubernetes.io/service-name\":\"web\"}},\"addressType\":\"IPv6\",\"ports\":[{\"name\":\"http\",\"port\":8080}],"
                + "\"endpoints\":[{\"addresses\":[\"fd00::1\"],\"nodeName\":\"n1\",\"conditions\":{\"ready\":false,"
                + "\"serving\":true,\"terminating\":true}},{\"addresses\":[]},{\"addresses\":[\"fd00::2\"]}]}"));
        assertThat(k.port("http")).contains(8080);
        assertThat(k.ipv4()).isFalse();
        assertThat(k.serviceName()).isEqualTo("web");
        assertThat(k.endpoints()).hasSize(2).first().satisfies(e -> {
            assertThat(e.draining()).isTrue();
            assertThat(e.serving()).isFalse();
            assertThat(e.nodeName()).isEqualTo("n1");
        });
        assertThat(k.endpoints().get(1).ready()).as("no conditions: ready").isTrue();
    }

    @Test
    void aNodeIsReadyByItsReadyConditionWithItsTaintsAndProviderId() throws Exception {
        KubeNode n = KubeObjects.node(json("{\"metadata\":{\"name\":\"a-1\",\"labels\":{\"k\":\"v\"}},\"spec\":{"
                + "\"providerID\":\"cn-hangzhou.i-1\",\"unschedulable\":true,\"taints\":[{\"key\":\"t\",\"effect\":\"NoSchedule\"}]},"
                + "\"status\":{\"conditions\":[{\"type\":\"MemoryPressure\",\"status\":\"True\"},{\"type\":\"Ready\",\"status\":\"False\"}]}}"));
        assertThat(n.ready()).isFalse();
        assertThat(n.providerId()).isEqualTo("cn-hangzhou.i-1");
        assertThat(n.unschedulable()).isTrue();
        assertThat(n.taintKeys()).containsExactly("t");
        assertThat(n.labels()).containsEntry("k", "v");
    }
}
