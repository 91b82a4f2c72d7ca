package com.clbsync.testing;

import com.clbsync.config.ClusterConfig;
import com.clbsync.plan.BackendType;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes API server in-process (fabric8's mock server in CRUD mode, plain HTTP on loopback),
 * filled through fabric8's client and read by clb-sync through client-java.
 */
public final class FakeCluster implements AutoCloseable {
    /** The user's manifests, as the project carries them (the demo embeds the same files). */
    public static final Path SEED = Path.of("src", "main", "resources", "demo");

    private final String name;
    private String ackClusterId;
    private boolean unreachable;
    private BackendType backendType = BackendType.ECS;
    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final WatchHistory watches = new WatchHistory();

    private FakeCluster(String name) {
        this.name = name;
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher() {
                    @Override
                    public io.fabric8.mockwebserver.http.MockResponse dispatch(io.fabric8.mockwebserver.http.RecordedRequest r) {
                        // which cluster this is, as every real one says: the UID of its kube-system namespace (the
                        // CRUD store numbers UIDs itself, alike in every server)
                        if (r.getMethod().equals("GET") && r.getPath().equals("/api/v1/namespaces/kube-system")) {
                            return new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(200)
                                    .setHeader("Content-Type", "application/json").setBody("{\"apiVersion\":\"v1\","
                                    + "\"kind\":\"Namespace\",\"metadata\":{\"name\":\"kube-system\",\"uid\":\""
                                    + identity() + "\"}}");
                        }
                        java.util.Optional<WatchHistory.Kind> kind = WatchHistory.Kind.ofCollection(r.getPath());
                        if (r.getMethod().equals("GET") && kind.isPresent()) {
                            if (WatchHistory.isWatch(r.getPath())) {
                                return watches.watch(kind.get(), r.getPath(), () -> super.dispatch(new io.fabric8.mockwebserver
                                        .http.RecordedRequest("HTTP/1.1", io.fabric8.mockwebserver.dsl.HttpMethod.GET,
                                        kind.get().path, io.fabric8.mockwebserver.http.Headers.builder().build(),
                                        new io.fabric8.mockwebserver.http.Buffer())));
                            }
                            return watches.listed(kind.get(), super.dispatch(r));
                        }
                        if (!r.getMethod().equals("GET")) {
                            watches.written();
                        }
                        return super.dispatch(r);
                    }
                }, false);
        server.init();
        this.client = server.createClient();
    }

    /** From now on, a watch answers 410: the history since any earlier list is compacted. */
    public FakeCluster compactHistory(boolean v) {
        watches.compacted = v;
        return this;
    }

    /** From now on, a watch is cut short mid-stream (an unreadable event, no bookmark). */
    public FakeCluster cutWatches(boolean v) {
        watches.cutShort = v;
        return this;
    }

    /** From now on, a watch sends its changes, then an ERROR event (500) instead of the bookmark. */
    public FakeCluster failWatchesMidway(boolean v) {
        watches.failMidway = v;
        return this;
    }

    /** From now on, a watch ends without a bookmark. */
    public FakeCluster withholdBookmarks(boolean v) {
        watches.noBookmark = v;
        return this;
    }

    /** The watches served so far. */
    public int watchesServed() {
        return watches.watches();
    }

    /** The UID of this cluster's kube-system namespace: fixed by its name, different for every name. */
    public String identity() {
        return java.util.UUID.nameUUIDFromBytes(("kube-system of " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** The owner id its backends are written under by an entry of its own name (derived from its identity). */
    public String owner() {
        return ownerAs(name);
    }

    /** The owner id its backends are written under by an entry called {@code entryName}. */
    public String ownerAs(String entryName) {
        return com.clbsync.plan.OwnerIds.derived(entryName, identity());
    }

    public static FakeCluster start(String name) {
        return new FakeCluster(name);
    }

    /** The token this cluster's configuration carries: tests check it never shows up. */
    public String token() {
        return "token-of-" + name + "-do-not-print";
    }

    public String url() {
        return server.url("/").replaceAll("/$", "");
    }

    /** Sets the ACK cluster id events and audit logs of this cluster carry. */
    public FakeCluster ackClusterId(String id) {
        this.ackClusterId = id;
        return this;
    }

    /** While set, the configuration points at a closed loopback port: the cluster cannot be reached, its state stays. */
    public FakeCluster unreachable(boolean v) {
        this.unreachable = v;
        return this;
    }

    /** The cluster's default backend type ({@code backendType} in its configuration). */
    public FakeCluster backendType(BackendType type) {
        this.backendType = type;
        return this;
    }

    public ClusterConfig config() {
        return entry(name).ackClusterId(ackClusterId).build();
    }

    /** An entry named {@code entryName} whose API server is this cluster's. */
    public ClusterConfig.Builder entry(String entryName) {
        return ClusterConfig.builder(entryName).server(unreachable ? "http://127.0.0.1:1" : url()).token(token())
                .timeoutSeconds(10).backendType(backendType);
    }

    /**
     * A ClusterIP Service in {@code default} mapping port 80 to {@code groupId} of {@link World#LB}, with
     * this target port (a number or a name), weight (null: none) and backend-type (null: none).
     */
    public Service podService(String name, String groupId, Integer weight, String targetPort, String backendTypeAnnotation) {
        Map<String, String> a = new HashMap<>();
        a.put("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id", World.LB);
        a.put("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-vgroup-port", groupId + ":80");
        if (weight != null) {
            a.put("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight", Integer.toString(weight));
        }
        if (backendTypeAnnotation != null) {
            a.put("service.beta.kubernetes.io/backend-type", backendTypeAnnotation);
        }
        Service s = new ServiceBuilder().withNewMetadata().withName(name).withNamespace("default").withAnnotations(a).endMetadata()
                .withNewSpec().withType("ClusterIP").addNewPort().withName("http").withPort(80)
                .withTargetPort(targetPort.chars().allMatch(Character::isDigit) ? new IntOrString(Integer.parseInt(targetPort))
                        : new IntOrString(targetPort)).endPort().endSpec().build();
        return client.services().inNamespace("default").resource(s).createOr(c -> c.update());
    }

    /** A pod's state in an EndpointSlice. */
    public enum Pod { READY, TERMINATING_SERVING, NOT_READY }

    /**
     * The EndpointSlice {@code sliceName} of a Service in {@code default}, carrying one port (name and
     * number) and these pods by IP, each on node {@code node}.
     */
    public void slice(String service, String sliceName, String portName, int port, Map<String, Pod> pods, String node) {
        EndpointSliceBuilder b = new EndpointSliceBuilder().withNewMetadata().withName(sliceName).withNamespace("default")
                .addToLabels("kubernetes.io/service-name", service).endMetadata().withAddressType("IPv4")
                .addNewPort().withName(portName).withPort(port).withProtocol("TCP").endPort();
        pods.forEach((ip, state) -> b.addToEndpoints(new EndpointBuilder().withAddresses(ip).withNewConditions()
                .withReady(state == Pod.READY).withServing(state != Pod.NOT_READY).withTerminating(state == Pod.TERMINATING_SERVING)
                .endConditions().withNodeName(node).build()));
        client.discovery().v1().endpointSlices().inNamespace("default").resource(b.build()).createOr(c -> c.update());
    }

    public void deleteSlice(String sliceName) {
        client.discovery().v1().endpointSlices().inNamespace("default").withName(sliceName).delete();
    }

    /** The YAML lines of this cluster's entry in a configuration file. */
    public String configYaml() {
        return "  - name: " + name + "\n    server: " + (unreachable ? "http://127.0.0.1:1" : url()) + "\n    token: " + token()
                + "\n    timeoutSeconds: 10\n";
    }

    /** Loads a Service manifest and gives its ports these node ports, in order. */
    public Service service(Path manifest, int... nodePorts) throws Exception {
        Service s;
        try (InputStream in = Files.newInputStream(manifest)) {
            s = client.services().load(in).item();
        }
        return service(s, nodePorts);
    }

    public Service service(Service s, int... nodePorts) {
        List<ServicePort> ports = s.getSpec().getPorts();
        for (int i = 0; i < ports.size() && i < nodePorts.length; i++) {
            ports.get(i).setNodePort(nodePorts[i]);
        }
        return client.services().inNamespace(s.getMetadata().getNamespace()).resource(s).createOr(c -> c.update());
    }

    public void deleteService(String namespace, String serviceName) {
        client.services().inNamespace(namespace).withName(serviceName).delete();
    }

    /** A ready ECS node whose providerID is {@code cn-hangzhou.<instanceId>}. */
    public void node(String nodeName, String instanceId) {
        node(nodeName, instanceId, true, Map.of());
    }

    public void node(String nodeName, String instanceId, boolean ready, Map<String, String> labels) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(nodeName).withLabels(labels).endMetadata()
                .withNewSpec().withProviderID("cn-hangzhou." + instanceId).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
                .build()).createOr(c -> c.update());
    }

    /** Nodes {@code <prefix>-0..n-1} with instance ids {@code i-<prefix>-0..}; returns the instance ids. */
    public List<String> nodes(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "i-" + prefix + "-" + i;
            node(prefix + "-" + i, id);
            ids.add(id);
        }
        return ids;
    }

    /** Like {@link #nodes}, but the Node names ({@code prefix-0}...), as pods and EndpointSlices name them. */
    public List<String> nodeNames(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (String id : nodes(prefix, count)) {
            names.add(id.substring("i-".length()));
        }
        return names;
    }

    public void deleteNode(String nodeName) {
        client.nodes().withName(nodeName).delete();
    }

    /** One EndpointSlice ({@code <service>-x7k2p}) for the Service with one pod per listed node, all ready or all not. */
    public void readyPods(String namespace, String serviceName, List<String> nodeNames, boolean ready) {
        EndpointSliceBuilder b = new EndpointSliceBuilder().withNewMetadata().withName(serviceName + "-x7k2p")
                .withNamespace(namespace).addToLabels("kubernetes.io/service-name", serviceName).endMetadata()
                .withAddressType("IPv4");
        for (int i = 0; i < nodeNames.size(); i++) {
            b.addToEndpoints(new EndpointBuilder().withAddresses("10.1." + (i / 250) + "." + (i % 250 + 1))
                    .withNewConditions().withReady(ready).withServing(ready).withTerminating(false).endConditions()
                    .withNodeName(nodeNames.get(i)).build());
        }
        EndpointSlice slice = b.build();
        client.discovery().v1().endpointSlices().inNamespace(namespace).resource(slice).createOr(c -> c.update());
    }

    public String serviceUid(String namespace, String name) {
        return client.services().inNamespace(namespace).withName(name).get().getMetadata().getUid();
    }

    /** The Events in a namespace, as kubectl would list them. */
    public List<io.fabric8.kubernetes.api.model.Event> events(String namespace) {
        return client.v1().events().inNamespace(namespace).list().getItems();
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    /** The paths of the requests received since the last call (in order). */
    public List<String> takeRequests() throws InterruptedException {
        List<String> paths = new ArrayList<>();
        io.fabric8.mockwebserver.http.RecordedRequest r;
        while ((r = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
            paths.add(r.getMethod() + " " + r.getPath());
        }
        return paths;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
