package com.clbsync.kube;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.sync.SyncFactory;
import com.clbsync.sync.SyncReport;
import com.clbsync.testing.ClientCertApiServer;
import com.clbsync.testing.World;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ACK clusters without stored secrets: recorded answers of DescribeClusterUserKubeconfig, through the real ACK SDK. */
class AckKubeconfigsTest {
    private static final String CLUSTER = "c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5";
    private static final String PATH = "/k8s/" + CLUSTER + "/user_config";
    private static final ClbCredentials STS = ClbCredentials.of("STS.AKID", World.SECRET, "sts-token-1");
    private WireMockServer ack;
    private ClientCertApiServer apiServer;

    @BeforeEach
    void start() throws Exception {
        ack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ack.start();
        String services = "[{\"metadata\":{\"name\":\"service-a\",\"namespace\":\"default\",\"annotations\":{"
                + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id\":\"" + World.LB + "\","
                + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-vgroup-port\":\"" + World.GROUP_2 + ":80\","
                + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight\":\"20\"}},"
                + "\"spec\":{\"type\":\"LoadBalancer\",\"ports\":[{\"name\":\"http\",\"port\":80,\"nodePort\":30080,"
                + "\"targetPort\":80}]}}]";
        String slices = "[{\"metadata\":{\"name\":\"service-a-x\",\"namespace\":\"default\",\"labels\":"
                + "{\"kubernetes.io/service-name\":\"service-a\"}},\"addressType\":\"IPv4\",\"endpoints\":[{\"addresses\":"
                + "[\"10.1.0.1\"],\"conditions\":{\"ready\":true,\"serving\":true},\"nodeName\":\"n1\"}]}]";
        String nodes = "[{\"metadata\":{\"name\":\"n1\"},\"spec\":{\"providerID\":\"cn-hangzhou.i-ack-1\"},"
                + "\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}]";
        apiServer = new ClientCertApiServer(services, slices, nodes);
    }

    @AfterEach
    void stop() {
        ack.stop();
        apiServer.close();
    }

    private void answers(String kubeconfig, Instant expiration) {
        JsonObject body = new JsonObject();
        body.addProperty("config", kubeconfig);
        body.addProperty("expiration", expiration.toString());
        ack.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(body.toString())));
    }

    private AckKubeconfigs kubeconfigs() {
        return new AckKubeconfigs("http://127.0.0.1:" + ack.port(), Clock.systemUTC());
    }

    @Test
    void asksForThePrivateAddressForAWhileAndKeepsTheKubeconfigUntilShortlyBeforeItExpires() throws Exception {
        answers(apiServer.kubeconfig(), Instant.now().plusSeconds(3600));
        AckKubeconfigs k = kubeconfigs();

        assertThat(k.kubeconfig(CLUSTER, STS)).isEqualTo(apiServer.kubeconfig());
        k.kubeconfig(CLUSTER, STS);

        ack.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("PrivateIpAddress", equalTo("true"))
                .withQueryParam("TemporaryDurationMinutes", equalTo("60"))
                .withHeader("x-acs-security-token", equalTo("sts-token-1")));
    }

    @Test
    void aKubeconfigAboutToExpireIsRenewed() throws Exception {
        answers(apiServer.kubeconfig(), Instant.now().plusSeconds(120)); // inside the renewal margin
        AckKubeconfigs k = kubeconfigs();
        k.kubeconfig(CLUSTER, STS);
        k.kubeconfig(CLUSTER, STS);
        ack.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRefusalNamesTheMissingRamActionAndNeverTheSecret() {
        ack.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"Forbidden.RAM\",\"Code\":\"Forbidden.RAM\",\"message\":\"User not authorized\","
                        + "\"requestId\":\"6A1F\"}")));
        assertThatThrownBy(() -> kubeconfigs().kubeconfig(CLUSTER, STS)).isInstanceOfSatisfying(ClusterReadException.class, e -> {
            assertThat(e.kind()).isEqualTo(ClusterReadException.Kind.ACK_FORBIDDEN);
            assertThat(e.getMessage()).contains("Forbidden.RAM").contains("cs:DescribeClusterUserKubeconfig")
                    .doesNotContain(World.SECRET).doesNotContain("sts-token-1");
        });
    }

    @Test
    void anAckClusterIdOnlyConfigurationSyncsThroughAClientCertificateKubeconfig() throws Exception {
        answers(apiServer.kubeconfig(), Instant.now().plusSeconds(3600));
        try (World world = new World()) {
            SyncConfig config = SyncConfig.of("cn-hangzhou", world.clb.endpoint(), WeightMode.GLOBAL, List.of(),
                    List.of(ClusterConfig.builder("ack-a").ackClusterId(CLUSTER).build()))
                    .withAckEndpoint("http://127.0.0.1:" + ack.port()).withClbQuotas(World.NO_QUOTA);
            assertThat(config.clusters().get(0).fromAck()).isTrue();

            SyncReport r = SyncFactory.create(config, world.api(), Map.of(), Optional.of(STS)).run(true);

            World.assertComplete(r);
            assertThat(world.group(World.GROUP_2)).extracting(Backend::serverId).containsExactly("i-ack-1");
            assertThat(apiServer.clientsSeen()).isNotEmpty().allMatch(s -> s.equals("CN=clb-sync-role"));
        }
    }

    @Test
    void checkNamesTheRamActionWhenAckRefusesTheKubeconfig() throws Exception {
        ack.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"Forbidden.RAM\",\"Code\":\"Forbidden.RAM\",\"message\":\"denied\"}")));
        try (World world = new World()) {
            SyncConfig config = SyncConfig.of("cn-hangzhou", world.clb.endpoint(), WeightMode.GLOBAL, List.of(),
                    List.of(ClusterConfig.builder("ack-a").ackClusterId(CLUSTER).build()))
                    .withAckEndpoint("http://127.0.0.1:" + ack.port());
            List<com.clbsync.check.Check> checks = new com.clbsync.check.Preflight(config,
                    SyncFactory.clusters(config).readers(Optional.of(STS)), null).run();
            assertThat(checks).filteredOn(c -> c.name().startsWith("cluster ack-a")).singleElement().satisfies(c -> {
                assertThat(c.ok()).isFalse();
                assertThat(c.fix()).startsWith("RAM: grant cs:DescribeClusterUserKubeconfig");
            });
        }
    }

    /** A token kubeconfig for a plain-HTTP stand-in on loopback. */
    private static String tokenKubeconfig(String server, String token) {
        return String.join("\n", "apiVersion: v1", "kind: Config", "current-context: c",
                "clusters: [{name: c, cluster: {server: '" + server + "'}}]", "users: [{name: u, user: {token: " + token + "}}]",
                "contexts: [{name: c, context: {cluster: c, user: u}}]", "");
    }

    @Test
    void aKubeconfigTheApiServerRefusesIsReplacedAtOnceNotWhenItExpires() throws Exception {
        try (com.clbsync.testing.BenchApiServer cluster = com.clbsync.testing.BenchApiServer.start();
             World world = new World()) {
            cluster.acceptOnlyToken("new-token");
            cluster.put("nodes", "n1", "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"},"
                    + "\"spec\":{\"providerID\":\"cn-hangzhou.i-n1\"},\"status\":{\"conditions\":[{\"type\":\"Ready\","
                    + "\"status\":\"True\"}]}}", null);
            JsonObject first = new JsonObject();
            first.addProperty("config", tokenKubeconfig(cluster.url(), "revoked-token"));
            first.addProperty("expiration", Instant.now().plusSeconds(3600).toString());
            JsonObject second = new JsonObject();
            second.addProperty("config", tokenKubeconfig(cluster.url(), "new-token"));
            second.addProperty("expiration", Instant.now().plusSeconds(3600).toString());
            ack.stubFor(get(urlPathEqualTo(PATH)).inScenario("renew").whenScenarioStateIs(com.github.tomakehurst.wiremock
                    .stubbing.Scenario.STARTED).willReturn(okJson(first.toString())).willSetStateTo("revoked"));
            ack.stubFor(get(urlPathEqualTo(PATH)).inScenario("renew").whenScenarioStateIs("revoked")
                    .willReturn(okJson(second.toString())));
            SyncConfig config = SyncConfig.of("cn-hangzhou", world.clb.endpoint(), WeightMode.GLOBAL, List.of(),
                    List.of(ClusterConfig.builder("ack-a").ackClusterId(CLUSTER).build()))
                    .withAckEndpoint("http://127.0.0.1:" + ack.port()).withClbQuotas(World.NO_QUOTA);

            SyncReport r = SyncFactory.create(config, world.api(), Map.of(), Optional.of(STS)).run(true);

            World.assertComplete(r);
            assertThat(r.clusters()).singleElement().satisfies(c -> assertThat(c.frozen()).isFalse());
            ack.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
        }
    }

    @Test
    void anAckKubeconfigWithAnExecPluginRunsNothingAndFreezesItsCluster() throws Exception {
        java.nio.file.Path marker = java.nio.file.Files.createTempDirectory("exec").resolve("ran");
        String kubeconfig = String.join("\n", "apiVersion: v1", "kind: Config", "current-context: c",
                "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]",
                "users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: sh,"
                        + " args: ['-c', 'touch " + marker + "']}}}]",
                "contexts: [{name: c, context: {cluster: c, user: u}}]", "");
        answers(kubeconfig, Instant.now().plusSeconds(3600));
        try (World world = new World()) {
            SyncConfig config = SyncConfig.of("cn-hangzhou", world.clb.endpoint(), WeightMode.GLOBAL, List.of(),
                    List.of(ClusterConfig.builder("ack-a").ackClusterId(CLUSTER).build()))
                    .withAckEndpoint("http://127.0.0.1:" + ack.port()).withClbQuotas(World.NO_QUOTA);

            SyncReport r = SyncFactory.create(config, world.api(), Map.of(), Optional.of(STS)).run(true);

            assertThat(r.clusters()).singleElement().satisfies(c -> {
                assertThat(c.frozen()).isTrue();
                assertThat(c.reason()).contains("cluster ack-a").contains("has exec: refused");
            });
            assertThat(java.nio.file.Files.exists(marker)).as("the command never ran").isFalse();
            assertThat(world.writes()).isZero();
        }
    }
}
