package com.clbsync.fc;

import com.aliyun.openservices.log.http.client.ClientConfiguration;
import com.aliyun.openservices.log.common.Logs;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import com.github.tomakehurst.wiremock.WireMockServer;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit-log pull of a Log Service trigger's cursor range against recorded answers, through the real
 * SDK. The SDK takes only host names without a port, so WireMock stands on loopback as the HTTP proxy the
 * SDK's client configuration names, answering for the trigger's real (intranet) endpoint.
 */
class SlsAuditLogSourceTest {
    private static final String SHARD = "/logstores/audit-c8d1e2f3/shards/0";
    private static final ClbCredentials STS = ClbCredentials.of("STS.AKID", World.SECRET, "sts-token-1");
    private WireMockServer sls;

    @BeforeEach
    void start() {
        sls = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        sls.start();
    }

    @AfterEach
    void stop() {
        sls.stop();
    }

    private List<Map<String, String>> pull() throws Exception {
        SlsRange range = SlsRange.of("k8s-log-c8d1e2f3", "audit-c8d1e2f3", 0,
                "MTY4begin", "MTY4end");
        return new SlsAuditLogSource("cn-hangzhou-intranet.log.aliyuncs.com", c -> {
            c.setProxyHost("127.0.0.1");
            c.setProxyPort(sls.port());
        }).pull(range, STS, Deadline.in(Duration.ofSeconds(30)));
    }

    /** A PullLogs answer: the log groups as the API sends them, LZ4-compressed protobuf, with the next cursor. */
    private void answers(String nextCursor, Logs.LogGroup... groups) {
        Logs.LogGroupList.Builder list = Logs.LogGroupList.newBuilder();
        for (Logs.LogGroup g : groups) {
            list.addLogGroupList(g);
        }
        byte[] raw = list.build().toByteArray();
        byte[] body = raw.length == 0 ? raw : LZ4Factory.fastestInstance().fastCompressor().compress(raw);
        sls.stubFor(get(urlPathEqualTo(SHARD)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf").withHeader("x-log-requestid", "5F1")
                .withHeader("x-log-cursor", nextCursor).withHeader("x-log-count", Integer.toString(groups.length))
                .withHeader("x-log-bodyrawsize", Integer.toString(raw.length)).withHeader("x-log-compresstype", "lz4")
                .withBody(body)));
    }

    private static Logs.LogGroup record(String... kv) {
        Logs.Log.Builder log = Logs.Log.newBuilder().setTime(1_790_000_000);
        for (int i = 0; i < kv.length; i += 2) {
            log.addContents(Logs.Log.Content.newBuilder().setKey(kv[i]).setValue(kv[i + 1]));
        }
        return Logs.LogGroup.newBuilder().addLogs(log).build();
    }

    @Test
    void pullsTheRecordsOfTheCursorRange() throws Exception {
        answers("MTY4end", record("verb", "update", "objectRef.resource", "services", "objectRef.namespace", "default",
                "objectRef.name", "service-a"), record("verb", "get", "objectRef.resource", "nodes", "objectRef.name", "n1"));

        List<Map<String, String>> records = pull();

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("verb", "update").containsEntry("objectRef.name", "service-a");
        assertThat(AuditRecords.scope("cluster-a", records).objects()).extracting(Object::toString)
                .containsExactly("cluster-a: Service default/service-a");
        sls.verify(1, getRequestedFor(urlPathEqualTo(SHARD)).withQueryParam("cursor", equalTo("MTY4begin"))
                .withQueryParam("end_cursor", equalTo("MTY4end"))
                .withHeader("Host", equalTo("k8s-log-c8d1e2f3.cn-hangzhou-intranet.log.aliyuncs.com")));
    }

    @Test
    void thePullUsesHttpsUnlessItGoesToAProxyOnLoopback() {
        assertThat(SlsAuditLogSource.scheme(new ClientConfiguration()))
                .isEqualTo("https://");
        ClientConfiguration remote = new ClientConfiguration();
        remote.setProxyHost("10.0.0.9");
        assertThat(SlsAuditLogSource.scheme(remote)).isEqualTo("https://");
        ClientConfiguration local = new ClientConfiguration();
        local.setProxyHost("127.0.0.1");
        assertThat(SlsAuditLogSource.scheme(local)).isEqualTo("http://");
    }

    @Test
    void anEmptyRangeHasNoRecords() throws Exception {
        answers("MTY4begin");
        assertThat(pull()).isEmpty();
    }

    @Test
    void aRefusalFailsThePullWithoutTheSecret() {
        sls.stubFor(get(urlPathEqualTo(SHARD)).willReturn(aResponse().withStatus(401).withHeader("x-log-requestid", "5F2")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"Unauthorized\",\"errorMessage\":\"denied by sts or ram\"}")));
        assertThatThrownBy(this::pull).satisfies(e -> assertThat(String.valueOf(e.getMessage())).contains("denied by sts or ram")
                .doesNotContain(World.SECRET).doesNotContain("sts-token-1"));
        sls.verify(getRequestedFor(urlPathEqualTo(SHARD)));
    }
}
