package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeService;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.testing.FakeCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** client-java against an in-process API server. */
class KubeClusterReaderTest {
    private FakeCluster cluster;

    @BeforeEach
    void start() {
        cluster = FakeCluster.start("cluster-a");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private ClusterReader reader() throws Exception {
        return new KubeClusterReader(KubeClients.create(cluster.config()));
    }

    @Test
    void readsServicesSlicesAndNodesOfAllNamespaces() throws Exception {
        cluster.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        cluster.service(FakeCluster.SEED.resolve("multi-port.yaml"), 30081, 30443);
        cluster.node("n1", "i-1");
        cluster.node("n2", "i-2", false, Map.of("pool", "web"));
        cluster.readyPods("default", "my-nginx-svc", List.of("n1", "n1", "n2"), true);
        ClusterReader reader = reader();
        cluster.takeRequests();

        ClusterSnapshot s = reader.read();

        assertThat(s.services()).extracting(KubeService::toString).containsExactlyInAnyOrder("default/my-nginx-svc", "shop/web");
        KubeService web = s.services().stream().filter(x -> x.name().equals("web")).findFirst().orElseThrow();
        assertThat(web.annotations()).containsEntry(LbAnnotations.PREFIX + "vgroup-port",
                "rsp-bp1demo000000000003:80, rsp-bp1demo000000000004:443");
        assertThat(web.ports()).extracting(p -> p.port() + ":" + p.nodePort() + ":" + p.targetPort())
                .containsExactly("80:30081:8080", "443:30443:8443");
        assertThat(s.nodes()).extracting(n -> n.name() + " " + n.providerId() + " " + n.ready())
                .containsExactlyInAnyOrder("n1 cn-hangzhou.i-1 true", "n2 cn-hangzhou.i-2 false");
        assertThat(s.slices()).singleElement().satisfies(sl -> {
            assertThat(sl.serviceName()).isEqualTo("my-nginx-svc");
            assertThat(sl.endpoints()).hasSize(3).allMatch(e -> e.serving());
        });
        assertThat(s.identity()).as("the UID of its kube-system namespace").isEqualTo(cluster.identity());
        List<String> requests = cluster.takeRequests();
        assertThat(requests).hasSize(4).allMatch(p -> p.startsWith("GET "));
        assertThat(requests.subList(0, 3)).allMatch(p -> p.contains("limit=500"));
        assertThat(requests.get(3)).isEqualTo("GET /api/v1/namespaces/kube-system");
    }

    @Test
    void aConstantNumberOfListCallsWhateverTheNumberOfServices() throws Exception {
        for (int i = 0; i < 30; i++) {
            io.fabric8.kubernetes.api.model.Service s = new io.fabric8.kubernetes.api.model.ServiceBuilder()
                    .withNewMetadata().withName("svc-" + i).withNamespace("ns-" + (i % 3)).endMetadata()
                    .withNewSpec().withType("NodePort").addNewPort().withPort(80).endPort().endSpec().build();
            cluster.service(s, 30000 + i);
        }
        cluster.node("n1", "i-1");
        ClusterReader reader = reader();
        cluster.takeRequests();
        assertThat(reader.read().services()).hasSize(30);
        assertThat(cluster.takeRequests()).as("three lists and the identity").hasSize(4);
    }

    @Test
    void readsThroughAnInlineKubeconfigAndItsContext() throws Exception {
        cluster.node("n1", "i-1");
        String kubeconfig = String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: wrong",
                "  cluster: {server: 'http://127.0.0.1:1'}",
                "- name: fake",
                "  cluster: {server: '" + cluster.url() + "'}",
                "users:",
                "- name: reader",
                "  user: {token: '" + cluster.token() + "'}",
                "contexts:",
                "- name: default",
                "  context: {cluster: wrong, user: reader}",
                "- name: fake-reader",
                "  context: {cluster: fake, user: reader}",
                "current-context: default",
                "");
        com.clbsync.config.ClusterConfig config = com.clbsync.config.ClusterConfig.builder("k").kubeconfig(kubeconfig)
                .context("fake-reader").build();
        assertThat(new KubeClusterReader(KubeClients.create(config)).read().nodes()).hasSize(1);

        com.clbsync.config.ClusterConfig missing = com.clbsync.config.ClusterConfig.builder("k").kubeconfig(kubeconfig)
                .context("absent").build();
        assertThatThrownBy(() -> KubeClients.create(missing)).hasMessageContaining("context \"absent\"");

        com.clbsync.config.ClusterConfig dangling = com.clbsync.config.ClusterConfig.builder("k")
                .kubeconfig(kubeconfig.replace("current-context: default", "current-context: gone")).build();
        assertThatThrownBy(() -> KubeClients.create(dangling))
                .hasMessage("current-context \"gone\" names no context in the kubeconfig");
    }

    /** An API server stand-in answering the three lists, failing the first {@code failures} requests of one path. */
    private static com.sun.net.httpserver.HttpServer flaky(String failingPath, int failures, int status, String retryAfter)
            throws java.io.IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            int code = 200;
            if (path.equals(failingPath) && failed.getAndIncrement() < failures) {
                code = status;
                if (retryAfter != null) {
                    ex.getResponseHeaders().set("Retry-After", retryAfter);
                }
                body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":429}".getBytes();
            } else if (path.equals("/api/v1/namespaces/kube-system")) {
                body = "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"kube-system\",\"uid\":\"0e3f\"}}"
                        .getBytes();
            } else {
                String kind = path.endsWith("services") ? "ServiceList" : path.endsWith("nodes") ? "NodeList" : "EndpointSliceList";
                String items = path.endsWith("nodes") ? "[{\"metadata\":{\"name\":\"n1\"},\"spec\":{\"providerID\":\"r.i-1\"}}]" : "[]";
                body = ("{\"kind\":\"" + kind + "\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":" + items + "}").getBytes();
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(code, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return server;
    }

    private static ClusterReader reader(com.sun.net.httpserver.HttpServer server, List<java.time.Duration> waits)
            throws Exception {
        com.clbsync.config.ClusterConfig c = com.clbsync.config.ClusterConfig.builder("flaky")
                .server("http://127.0.0.1:" + server.getAddress().getPort()).token("t").build();
        return new KubeClusterReader(KubeClients.create(c), waits::add);
    }

    @Test
    void retriesOnceAfterA429HonouringRetryAfter() throws Exception {
        com.sun.net.httpserver.HttpServer server = flaky("/api/v1/services", 1, 429, "2");
        try {
            List<java.time.Duration> waits = new java.util.ArrayList<>();
            assertThat(reader(server, waits).read().nodes()).hasSize(1);
            assertThat(waits).containsExactly(java.time.Duration.ofSeconds(2));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerErrorThatPersistsFailsTheReadAfterOneRetry() throws Exception {
        com.sun.net.httpserver.HttpServer server = flaky("/api/v1/nodes", 2, 503, null);
        try {
            List<java.time.Duration> waits = new java.util.ArrayList<>();
            assertThatThrownBy(() -> reader(server, waits).read()).isInstanceOf(ClusterReadException.class)
                    .hasMessage("list nodes: HTTP 503 (after one retry)");
            assertThat(waits).containsExactly(java.time.Duration.ofMillis(500));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aForbiddenListIsNotRetried() throws Exception {
        com.sun.net.httpserver.HttpServer server = flaky("/apis/discovery.k8s.io/v1/endpointslices", 1, 403, null);
        try {
            List<java.time.Duration> waits = new java.util.ArrayList<>();
            assertThatThrownBy(() -> reader(server, waits).read()).hasMessage("list endpointslices: HTTP 403");
            assertThat(waits).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anIdentityTheRbacDoesNotGrantFailsTheReadNamingTheRule() throws Exception {
        com.sun.net.httpserver.HttpServer server = flaky("/api/v1/namespaces/kube-system", 1, 403, null);
        try {
            assertThatThrownBy(() -> reader(server, new java.util.ArrayList<>()).read()).isInstanceOf(ClusterReadException.class)
                    .hasMessage("get namespace kube-system: HTTP 403: which cluster answers is unknown without it; apply"
                            + " src/deploy/rbac.yaml (get on namespaces/kube-system)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFailedListNamesTheCallAndTheAddressButNeverTheToken() throws Exception {
        ClusterReader reader = reader();
        String address = cluster.url().replaceFirst("^http://", "").replace("localhost", "127.0.0.1");
        cluster.close();
        assertThatThrownBy(reader::read).isInstanceOf(ClusterReadException.class)
                .hasMessageStartingWith("list services:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(cluster.token())
                        .contains("Failed to connect to " + address + ")"));
    }
}
