package com.clbsync.demo;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster of the demo, as Kubernetes manifests: the user's Services (embedded copies of the seed,
 * given node ports), a number of ready nodes, and one EndpointSlice per Service with a pod on each
 * node (port {@code http}, 8080), ready or not. The demo changes it between steps.
 */
final class DemoCluster {
    private final String name;
    private final String nodePrefix;
    private final List<Map<String, Object>> services = new ArrayList<>();
    private final List<String> serviceNames = new ArrayList<>();
    private int nodes;
    private boolean podsReady = true;

    DemoCluster(String name, String nodePrefix, int nodes) {
        this.name = name;
        this.nodePrefix = nodePrefix;
        this.nodes = nodes;
    }

    String name() { return name; }

    /** Adds an embedded Service manifest ({@code demo/<file>}), its ports given these node ports. */
    @SuppressWarnings("unchecked")
    DemoCluster service(String file, int... nodePorts) throws IOException {
        Map<String, Object> svc;
        try (InputStream in = DemoCluster.class.getResourceAsStream("/demo/" + file)) {
            if (in == null) {
                throw new IOException("demo manifest " + file + " is missing from the jar");
            }
            svc = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Map<String, Object>> ports = (List<Map<String, Object>>) ((Map<String, Object>) svc.get("spec")).get("ports");
        for (int i = 0; i < ports.size() && i < nodePorts.length; i++) {
            ports.get(i).put("nodePort", nodePorts[i]);
        }
        services.add(svc);
        serviceNames.add((String) ((Map<String, Object>) svc.get("metadata")).get("name"));
        return this;
    }

    /** Sets the weight annotation of one of its Services, as a user editing it would. */
    @SuppressWarnings("unchecked")
    DemoCluster weight(String service, int weight) {
        Map<String, Object> svc = services.get(serviceNames.indexOf(service));
        ((Map<String, Object>) ((Map<String, Object>) svc.get("metadata")).get("annotations"))
                .put(com.clbsync.plan.LbAnnotations.PREFIX + "weight", String.valueOf(weight));
        return this;
    }

    void scaleTo(int count) { nodes = count; }

    void podsReady(boolean ready) { podsReady = ready; }

    int nodes() { return nodes; }

    /** The IP of the Services' pod on node {@code i} (one pod per node). */
    String podIp(int i) {
        return "10." + nodePrefix.charAt(0) % 200 + "." + i / 250 + "." + i % 250;
    }

    static String instanceId(String prefix, int i) {
        return String.format("i-bp1demo%s%04d", prefix, i);
    }

    /** The UID of its kube-system namespace: which cluster it is (fixed, so that the demo prints the same every time). */
    String identity() {
        return java.util.UUID.nameUUIDFromBytes(("demo cluster " + nodePrefix).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The manifests as {@code kubectl get svc,endpointslices,nodes -A -o yaml} and {@code kubectl get
     * namespace kube-system -o yaml} would show them (in parts).
     */
    List<String> documents() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        List<String> docs = new ArrayList<>();
        services.forEach(svc -> docs.add(new Yaml(options).dump(svc)));
        docs.add("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n  uid: " + identity() + "\n");
        StringBuilder nodeList = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        for (int i = 1; i <= nodes; i++) {
            nodeList.append("- apiVersion: v1\n  kind: Node\n  metadata:\n    name: ").append(nodePrefix).append('-').append(i)
                    .append("\n  spec:\n    providerID: cn-hangzhou.").append(instanceId(nodePrefix, i))
                    .append("\n  status:\n    conditions:\n    - type: Ready\n      status: \"True\"\n");
        }
        docs.add(nodeList.toString());
        for (String svc : serviceNames) {
            StringBuilder slice = new StringBuilder("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ")
                    .append(svc).append("-x7k2p\n  namespace: default\n  labels:\n    kubernetes.io/service-name: ").append(svc)
                    .append("\naddressType: IPv4\nports:\n- {name: http, port: 8080, protocol: TCP}\nendpoints:\n");
            for (int i = 1; i <= nodes; i++) {
                slice.append("- addresses: [\"").append(podIp(i)).append("\"]\n  conditions: {ready: ").append(podsReady)
                        .append("}\n  nodeName: ").append(nodePrefix).append('-').append(i).append('\n');
            }
            docs.add(slice.toString());
        }
        return docs;
    }
}
