package com.clbsync.emulator;

import com.clbsync.plan.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's rules, checked over raw HTTP so that nothing (like the SDK adapter's batching) hides them. */
class ClbEmulatorTest {
    private ClbEmulator emu;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        emu = ClbEmulator.start();
        emu.createGroup("lb-1", "rsp-1");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private HttpResponse<String> call(String action, String servers, boolean signed) throws Exception {
        return call(action, servers, signed, "rsp-1");
    }

    private HttpResponse<String> call(String action, String servers, boolean signed, String group) throws Exception {
        String query = "RegionId=cn-hangzhou&VServerGroupId=" + group
                + (servers == null ? "" : "&BackendServers=" + URLEncoder.encode(servers, StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.endpoint() + "/?" + query))
                .header("x-acs-action", action).POST(HttpRequest.BodyPublishers.noBody());
        if (signed) {
            b.header("Authorization", "ACS3-HMAC-SHA256 Credential=test,SignedHeaders=host,Signature=00");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String server(String id, int weight, String description) {
        return "{\"ServerId\":\"" + id + "\",\"Port\":\"30080\",\"Weight\":\"" + weight + "\",\"Type\":\"ecs\",\"Description\":\""
                + description + "\"}";
    }

    private static String array(int n) {
        return IntStream.range(0, n).mapToObj(i -> server("i-" + i, 100, "d")).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void addsDescribesAndRecordsCalls() throws Exception {
        assertThat(call("AddVServerGroupBackendServers", array(20), true).statusCode()).isEqualTo(200);
        HttpResponse<String> d = call("DescribeVServerGroupAttribute", null, true);
        assertThat(d.body()).contains("\"LoadBalancerId\":\"lb-1\"").contains("i-19");
        assertThat(emu.backends("rsp-1")).hasSize(20);
        assertThat(emu.calls()).extracting(ApiCall::action)
                .containsExactly("AddVServerGroupBackendServers", "DescribeVServerGroupAttribute");
    }

    @Test
    void keepsNoCredentialOfACall() throws Exception {
        call("DescribeVServerGroupAttribute", null, true);
        ApiCall c = emu.calls().get(0);
        assertThat(c.signing()).isEqualTo("ACS3-HMAC-SHA256");
        assertThat(c.headers()).doesNotContainKey("authorization");
        assertThat(c.headers().values()).noneMatch(v -> v.contains("Credential=test"));
    }

    @Test
    void refusesAndCountsARequestCarryingAForbiddenValue() throws Exception {
        emu.forbidOnTheWire("the-secret");
        HttpResponse<String> r = call("AddVServerGroupBackendServers", "[" + server("i-1", 10, "the-secret") + "]", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("SecretOnTheWire");
        assertThat(emu.secretsSeen()).isEqualTo(1);
        assertThat(emu.backends("rsp-1")).isEmpty();
    }

    @Test
    void judgesTypesAndDescriptionsByTheApiReferenceNotByClbSyncsCodec() throws Exception {
        String upper = "[" + server("i-1", 10, "d").replace("\"ecs\"", "\"ECS\"") + "]";
        assertThat(call("AddVServerGroupBackendServers", upper, true).body()).contains("Type must be ecs, eni or eci");
        String eniWithoutIp = "[" + server("eni-1", 10, "d").replace("\"ecs\"", "\"eni\"") + "]";
        assertThat(call("AddVServerGroupBackendServers", eniWithoutIp, true).body()).contains("ServerIp is mandatory");
        assertThat(call("AddVServerGroupBackendServers", "[" + server("i-1", 10, "a b") + "]", true).body())
                .contains("Description must be at most 80");
        assertThat(call("AddVServerGroupBackendServers", "[" + server("i-1", 10, "x".repeat(81)) + "]", true).body())
                .contains("Description must be at most 80");
        assertThat(emu.backends("rsp-1")).isEmpty();
    }

    @Test
    void rejectsMoreThanTwentyBackendsPerCall() throws Exception {
        HttpResponse<String> r = call("AddVServerGroupBackendServers", array(21), true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("InvalidParameter").contains("1 to 20");
        assertThat(emu.backends("rsp-1")).isEmpty();
    }

    @Test
    void rejectsWeightsOutsideZeroToHundredAndBadDescriptions() throws Exception {
        assertThat(call("AddVServerGroupBackendServers", "[" + server("i-1", 101, "d") + "]", true).body()).contains("Weight");
        assertThat(call("AddVServerGroupBackendServers", "[" + server("i-1", -1, "d") + "]", true).body()).contains("Weight");
        assertThat(call("AddVServerGroupBackendServers", "[" + server("i-1", 1, "has space") + "]", true).body()).contains("Description");
        assertThat(call("AddVServerGroupBackendServers", "[" + server("i-1", 1, "x".repeat(81)) + "]", true).body()).contains("Description");
        assertThat(emu.backends("rsp-1")).isEmpty();
    }

    @Test
    void addingAnExistingBackendIsTheGenericInvalidParameterAndChangesNothing() throws Exception {
        emu.putBackend("rsp-1", Backend.ecs("i-1", 30080, 5, "manual"));
        HttpResponse<String> r = call("AddVServerGroupBackendServers", "[" + server("i-2", 1, "d") + "," + server("i-1", 1, "d") + "]", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"Code\":\"InvalidParameter\"").contains("already exists");
        assertThat(emu.backends("rsp-1")).containsExactly(Backend.ecs("i-1", 30080, 5, "manual"));
    }

    @Test
    void removingAnAbsentBackendSucceedsAsDocumented() throws Exception {
        emu.putBackend("rsp-1", Backend.ecs("i-1", 30080, 5, "manual"));
        HttpResponse<String> r = call("RemoveVServerGroupBackendServers", "[" + server("i-9", 1, "d") + "]", true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(emu.backends("rsp-1")).containsExactly(Backend.ecs("i-1", 30080, 5, "manual"));
    }

    @Test
    void reweightingAnAbsentBackendIsRefused() throws Exception {
        assertThat(call("SetVServerGroupAttribute", "[" + server("i-9", 1, "d") + "]", true).statusCode()).isEqualTo(400);
        assertThat(emu.backends("rsp-1")).isEmpty();
    }

    @Test
    void anUnknownGroupIs404InvalidParameter() throws Exception {
        HttpResponse<String> r = call("DescribeVServerGroupAttribute", null, true, "rsp-none");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"Code\":\"InvalidParameter\"").contains(ClbEmulator.NO_SUCH_GROUP);
    }

    @Test
    void setChangesWeightAndDescription() throws Exception {
        emu.putBackend("rsp-1", Backend.ecs("i-1", 30080, 5, "old"));
        assertThat(call("SetVServerGroupAttribute", "[" + server("i-1", 60, "new") + "]", true).statusCode()).isEqualTo(200);
        assertThat(emu.backends("rsp-1")).containsExactly(Backend.ecs("i-1", 30080, 60, "new"));
    }

    @Test
    void unsignedRequestsAreRefused() throws Exception {
        assertThat(call("DescribeVServerGroupAttribute", null, false).body()).contains("MissingSignature");
    }
}
