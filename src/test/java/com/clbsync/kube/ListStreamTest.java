package com.clbsync.kube;

import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class ListStreamTest {
    /** The reduced value, as JSON again. */
    private static String reduced(String json) throws Exception {
        return new Gson().toJson(ListStream.reduced(new JsonReader(new StringReader(json)), ""));
    }

    @Test
    void keepsTheLoadBalancersAnnotationsAndSkipsEverythingClbSyncNeverReads() throws Exception {
        String blob = "y".repeat(250_000);
        String svc = reduced("{\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\",\"uid\":\"u1\","
                + "\"managedFields\":[{\"manager\":\"kubectl\",\"fieldsV1\":{\"f:metadata\":{}}}],"
                + "\"annotations\":{\"example.com/blob\":\"" + blob + "\",\"kubectl.kubernetes.io/last-applied-configuration\":\"{}\","
                + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id\":\"lb-1\"},\"labels\":{\"app\":\"web\"}},"
                + "\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":30080}]}}");

        assertThat(svc).hasSizeLessThan(400).doesNotContain("yyyy").doesNotContain("managedFields")
                .doesNotContain("last-applied")
                .contains("\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id\":\"lb-1\"")
                .contains("\"labels\":{\"app\":\"web\"}").contains("\"nodePort\":30080");
    }

    @Test
    void aNodeKeepsItsLabelsConditionsAndProviderIdButNotItsImages() throws Exception {
        String node = reduced("{\"metadata\":{\"name\":\"n1\",\"labels\":{\"pool\":\"web\"},\"annotations\":{\"a\":\"b\"}},"
                + "\"spec\":{\"providerID\":\"cn-hangzhou.i-1\",\"taints\":[{\"key\":\"k\",\"effect\":\"NoSchedule\"}]},"
                + "\"status\":{\"images\":[{\"names\":[\"x\"],\"sizeBytes\":1}],\"nodeInfo\":{\"kernelVersion\":\"5\"},"
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");

        assertThat(node).isEqualTo("{\"metadata\":{\"name\":\"n1\",\"labels\":{\"pool\":\"web\"},\"annotations\":{}},"
                + "\"spec\":{\"providerID\":\"cn-hangzhou.i-1\",\"taints\":[{\"key\":\"k\",\"effect\":\"NoSchedule\"}]},"
                + "\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
    }
}
