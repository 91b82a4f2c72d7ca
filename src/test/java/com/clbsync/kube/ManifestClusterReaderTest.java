package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeService;
import com.clbsync.testing.FakeCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestClusterReaderTest {
    private static final String KUBECTL_OUTPUT = String.join("\n",
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- apiVersion: v1",
            "  kind: Service",
            "  metadata: {name: web, namespace: shop, annotations: {a: b}, resourceVersion: '1', uid: x}",
            "  spec: {type: LoadBalancer, externalTrafficPolicy: Local, ports: [{name: http, port: 80, nodePort: 30080, targetPort: http}]}",
            "  status: {loadBalancer: {}}",
            "- apiVersion: discovery.k8s.io/v1",
            "  kind: EndpointSlice",
            "  metadata: {name: web-abcde, namespace: shop, labels: {kubernetes.io/service-name: web}}",
            "  addressType: IPv4",
            "  ports: [{name: http, port: 8080, protocol: TCP}]",
            "  endpoints:",
            "  - {addresses: [10.0.0.1], conditions: {ready: true, serving: true, terminating: false}, nodeName: n1}",
            "  - {addresses: [10.0.0.2], conditions: {ready: false}, nodeName: n2}",
            "  - {addresses: [10.0.0.3], nodeName: n2}",
            "- apiVersion: v1",
            "  kind: Node",
            "  metadata: {name: n1, labels: {pool: web}}",
            "  spec: {providerID: cn-hangzhou.i-1, unschedulable: true, taints: [{key: ToBeDeletedByClusterAutoscaler, effect: NoSchedule}]}",
            "  status: {conditions: [{type: MemoryPressure, status: 'False'}, {type: Ready, status: 'True'}], someNewField: 1}",
            "- apiVersion: v1",
            "  kind: ConfigMap",
            "  metadata: {name: ignored}",
            "- apiVersion: v1",
            "  kind: Namespace",
            "  metadata: {name: default, uid: 11111111-1111-4111-8111-111111111111}",
            "- apiVersion: v1",
            "  kind: Namespace",
            "  metadata: {name: kube-system, uid: 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b}",
            "");
    private static final String KUBE_SYSTEM = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":"
            + "\"kube-system\",\"uid\":\"3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b\"}}";

    @Test
    void readsKubectlListOutputIgnoringOtherKindsAndUnknownFields() throws Exception {
        ClusterSnapshot s = new ManifestClusterReader(() -> List.of(KUBECTL_OUTPUT)).read();
        KubeService web = s.services().get(0);
        assertThat(web.toString()).isEqualTo("shop/web");
        assertThat(web.localTrafficPolicy()).isTrue();
        assertThat(web.ports()).singleElement().satisfies(p -> {
            assertThat(p.nodePort()).isEqualTo(30080);
            assertThat(p.targetPort()).isEqualTo("http");
        });
        assertThat(s.slices()).singleElement().satisfies(sl -> {
            assertThat(sl.serviceName()).isEqualTo("web");
            assertThat(sl.portNames()).containsExactly("http");
            assertThat(sl.endpoints()).extracting(e -> e.ip() + " " + e.serving()).containsExactly("10.0.0.1 true",
                    "10.0.0.2 false", "10.0.0.3 true");
        });
        assertThat(s.nodes()).singleElement().satisfies(n -> {
            assertThat(n.ready()).isTrue();
            assertThat(n.unschedulable()).isTrue();
            assertThat(n.taintKeys()).containsExactly("ToBeDeletedByClusterAutoscaler");
            assertThat(n.labels()).containsEntry("pool", "web");
        });
        assertThat(s.identity()).as("the kube-system namespace's UID, no other's").isEqualTo("3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b");
    }

    @Test
    void aDumpThatDoesNotSayWhichClusterItIsIsAReadFailure() {
        String withoutIt = KUBECTL_OUTPUT.substring(0, KUBECTL_OUTPUT.indexOf("- apiVersion: v1\n  kind: Namespace\n  metadata: {name: kube"));
        assertThatThrownBy(() -> new ManifestClusterReader(() -> List.of(withoutIt)).read())
                .isInstanceOf(ClusterReadException.class).hasMessageContaining("kubectl get namespace kube-system -o yaml");
    }

    @Test
    void readsEveryManifestOfADirectoryIncludingTheSeed(@TempDir Path dir) throws Exception {
        Files.copy(FakeCluster.SEED.resolve("multi-port.yaml"), dir.resolve("multi-port.yaml"));
        Files.writeString(dir.resolve("nodes.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"},"
                + "\"spec\":{\"providerID\":\"cn-hangzhou.i-1\"},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
        Files.writeString(dir.resolve("notes.txt"), "not a manifest");
        Files.writeString(dir.resolve("kube-system.json"), KUBE_SYSTEM);
        ClusterSnapshot s = ManifestClusterReader.fromPath(dir).read();
        assertThat(s.services()).extracting(KubeService::toString).containsExactly("shop/web");
        assertThat(s.nodes()).hasSize(1);
    }

    @Test
    void brokenManifestsAreAReadFailure(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "kind: Service\nmetadata: {name: x}\nspec: {ports: [{port: eighty}]}\n");
        assertThatThrownBy(() -> ManifestClusterReader.fromPath(dir).read()).isInstanceOf(ClusterReadException.class)
                .hasMessageStartingWith("manifests:");
        assertThatThrownBy(() -> ManifestClusterReader.fromPath(dir.resolve("absent")).read())
                .isInstanceOf(ClusterReadException.class).hasMessageStartingWith("manifests: NoSuchFileException");
    }
}
