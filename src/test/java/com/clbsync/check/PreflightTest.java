package com.clbsync.check;

import com.clbsync.clb.CallListener;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.KubeClients;
import com.clbsync.kube.KubeClusterReader;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.sync.SyncFactory;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preflight against stand-ins: each kind of failure reported with its fix, and never a write. */
class PreflightTest {
    private World world;
    private FakeCluster a;

    @BeforeEach
    void start() throws Exception {
        world = new World();
        a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        a.nodes("a", 2);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private List<Check> check(SyncConfig config, Map<String, ClusterReader> readers, boolean credentials) {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        return new Preflight(config, readers, credentials ? world.api().within(deadline, CallListener.NONE) : null,
                world.enis().within(deadline, CallListener.NONE)).run();
    }

    private List<Check> check() throws Exception {
        return check(world.config(), SyncFactory.readers(world.config()), true);
    }

    private static Check failed(List<Check> checks) {
        assertThat(Checks.exitCode(checks)).isEqualTo(1);
        return checks.stream().filter(c -> !c.ok()).findFirst().orElseThrow();
    }

    @Test
    void aHealthyDeploymentPassesEveryCheckWithoutAWrite() throws Exception {
        world.scanning(World.LB);
        List<Check> checks = check();

        assertThat(Checks.exitCode(checks)).as(Checks.text(checks)).isZero();
        assertThat(checks).extracting(Check::name).contains("configuration", "cluster cluster-a: list nodes?limit=1",
                "CLB " + World.LB + ": DescribeVServerGroups",
                "group " + World.GROUP_2 + " (cluster-a/default/service-a): DescribeVServerGroupAttribute");
        assertThat(world.callActions()).containsOnly("DescribeVServerGroups", "DescribeVServerGroupAttribute");
        assertThat(Checks.text(checks)).contains("result: every check passed").doesNotContain(a.token());
        assertThat(checks).filteredOn(c -> c.name().equals("cluster cluster-a: identity")).singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("kube-system UID " + a.identity()).contains("owner id " + a.owner())
                        .contains("pin it with identity: " + a.identity()));
    }

    @Test
    void anEntryWhoseApiServerIsAnotherClusterFailsItsIdentityCheck() throws Exception {
        world.apply(); // cluster A's backends in the group
        FakeCluster c = world.cluster("cluster-c");
        c.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        c.nodes("c", 2);
        world.entries(c.entry("cluster-a").build());

        Check wrong = failed(check());

        assertThat(wrong.name()).isEqualTo("cluster cluster-a: identity");
        assertThat(wrong.detail()).contains("kube-system UID " + c.identity()).contains(a.owner());
        assertThat(wrong.fix()).contains("identity: " + c.identity());

        world.entries(a.entry("cluster-a").identity(c.identity()).build());
        assertThat(failed(check()).detail()).as("pinned to another cluster").contains("pinned to " + c.identity());
    }

    @Test
    void eniServicesGetTheirLookupCheckedAndARamRefusalNamesTheAction() throws Exception {
        a.podService("web-eni", World.GROUP_3, null, "8080", "eni");
        a.slice("web-eni", "web-eni-1", "http", 8080, Map.of("10.3.0.1", FakeCluster.Pod.READY,
                "10.3.0.2", FakeCluster.Pod.READY), "a-0");
        world.clb.networkInterface("eni-1", "i-a-0", "10.3.0.1");
        String name = "ECS DescribeNetworkInterfaces (the ENIs of ENI Services' pods)";

        assertThat(check()).filteredOn(c -> c.name().equals(name)).singleElement().satisfies(c -> {
            assertThat(c.ok()).isTrue();
            assertThat(c.toString()).contains("1 of 2 pod IPs");
        });

        world.clb.failNext("DescribeNetworkInterfaces", 1, "Forbidden.RAM");
        assertThat(failed(check()).fix()).contains("grant ecs:DescribeNetworkInterfaces");
    }

    @Test
    void aHealthGatedRampGetsTheHealthCheckCheckedAndARamRefusalNamesTheAction() throws Exception {
        world.ramp(com.clbsync.plan.Ramp.of(20, 60, true));
        String name = "CLB " + World.LB + ": DescribeHealthStatus (the ramp's health gate)";
        assertThat(check()).filteredOn(c -> c.name().equals(name)).singleElement().satisfies(c -> assertThat(c.ok()).isTrue());

        world.clb.failNext("DescribeHealthStatus", 1, "Forbidden.RAM");
        Check refused = failed(check());
        assertThat(refused.name()).isEqualTo(name);
        assertThat(refused.fix()).contains("grant slb:DescribeHealthStatus");

        world.ramp(com.clbsync.plan.Ramp.of(20, 60, false));
        assertThat(check()).as("no gate, no health check read").noneMatch(c -> c.name().equals(name));
    }

    @Test
    void anUnreachableClusterNamesTheNetworkFix() throws Exception {
        a.unreachable(true);
        Check c = failed(check());
        assertThat(c.name()).isEqualTo("cluster cluster-a: list");
        assertThat(c.fix()).startsWith("cannot reach http://127.0.0.1:1").contains("VPC").contains("6443");
    }

    @Test
    void refusedCredentialsAndAMissingRbacVerbEachNameTheirFix() throws Exception {
        for (int status : new int[] {401, 403}) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ex -> {
                byte[] body = ("{\"kind\":\"Status\",\"code\":" + status + "}").getBytes();
                ex.sendResponseHeaders(status, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
            try {
                ClusterConfig denied = ClusterConfig.builder("denied").server("http://127.0.0.1:" + server.getAddress().getPort())
                        .token("t").build();
                SyncConfig config = SyncConfig.of("cn-hangzhou", world.clb.endpoint(), WeightMode.GLOBAL, List.of(), List.of(denied));
                Check c = failed(check(config, Map.of("denied", new KubeClusterReader(KubeClients.create(denied))), true));
                assertThat(c.detail()).contains("HTTP " + status);
                assertThat(c.fix()).contains(status == 401 ? "the token is not accepted" : "kubectl apply -f src/deploy/rbac.yaml");
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void anApiServerCertificateTheCaDoesNotVerifyNamesTheCa() throws Exception {
        KubernetesMockServer https = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), true);
        https.init();
        try {
            ClusterConfig tls = ClusterConfig.builder("tls").server(https.url("/").replaceAll("/$", "")).token("t").build();
            SyncConfig config = SyncConfig.of("cn-hangzhou", world.clb.endpoint(), WeightMode.GLOBAL, List.of(), List.of(tls));
            Check c = failed(check(config, Map.of("tls", new KubeClusterReader(KubeClients.create(tls))), true));
            assertThat(c.fix()).startsWith("TLS:").contains("certificateAuthorityData");
        } finally {
            https.destroy();
        }
    }

    @Test
    void aMissingGroupAMissingRamActionAnUnreachableEndpointAndNoCredentialsEachNameTheirFix() throws Exception {
        Service s = a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "vgroup-port", "rsp-nowhere:80");
        a.service(s, 30080);
        assertThat(failed(check()).fix()).contains("names a group that does not exist");

        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        world.clb.failNext("DescribeVServerGroupAttribute", 1, "Forbidden.RAM");
        assertThat(failed(check()).fix()).isEqualTo("RAM: grant slb:DescribeVServerGroupAttribute to the role or user"
                + " (src/deploy/ram-policy.json)");

        SyncConfig closed = SyncConfig.of("cn-hangzhou", "http://127.0.0.1:1", WeightMode.GLOBAL, List.of(),
                List.of(a.config()));
        List<Check> unreachable = new Preflight(closed, SyncFactory.readers(closed), SyncFactory.clbApi(closed,
                com.clbsync.clb.ClbCredentials.of("AKID", World.SECRET, null)).withRetry(World.FAST_RETRIES, d -> { })
                .within(Deadline.in(Duration.ofSeconds(30)), CallListener.NONE)).run();
        assertThat(failed(unreachable).fix()).startsWith("cannot reach http://127.0.0.1:1").contains("network: vpc");

        Map<String, ClusterReader> readers = new LinkedHashMap<>(SyncFactory.readers(world.config()));
        assertThat(failed(check(world.config(), readers, false)).fix()).contains("ALIBABA_CLOUD_ACCESS_KEY_ID");
        assertThat(world.writes()).isZero();
    }

    @Test
    void insecureSkipTlsVerifyIsWarnedAboutInCheckAndInEveryReport() throws Exception {
        com.clbsync.config.ClusterConfig insecure = com.clbsync.config.ClusterConfig.builder("cluster-a").server(a.url())
                .token(a.token()).insecureSkipTlsVerify(true).build();
        SyncConfig config = SyncConfig.of("cn-hangzhou", world.clb.endpoint(), com.clbsync.config.WeightMode.GLOBAL, List.of(),
                List.of(insecure)).withClbQuotas(World.NO_QUOTA);

        Check tls = failed(check(config, SyncFactory.readers(config), true));
        assertThat(tls.name()).isEqualTo("cluster cluster-a: TLS");
        assertThat(tls.fix()).contains("certificateAuthorityData");

        com.clbsync.sync.SyncReport r = SyncFactory.create(config, world.api()).run(false);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("cluster cluster-a: insecureSkipTlsVerify"));
        assertThat(com.clbsync.sync.ReportText.render(r)).contains("insecureSkipTlsVerify");
    }
}
