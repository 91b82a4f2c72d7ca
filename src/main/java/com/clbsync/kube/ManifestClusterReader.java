package com.clbsync.kube;

import com.clbsync.redact.Redactor;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.clbsync.model.ServicePort;
import com.clbsync.model.SliceEndpoint;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cluster read from Kubernetes manifests instead of an API server: the output of
 * {@code kubectl get svc,endpointslices,nodes -A -o yaml} (a {@code List}) with
 * {@code kubectl get namespace kube-system -o yaml} (which cluster it is), or any YAML/JSON documents
 * holding Services, EndpointSlices, Nodes and that Namespace. Other kinds are ignored; unknown fields too.
 */
public final class ManifestClusterReader implements ClusterReader {
    /** Supplies the manifests' text each time the cluster is read. */
    public interface Source {
        List<String> documents() throws IOException;
    }

    private final Source source;

    public ManifestClusterReader(Source source) {
        this.source = source;
    }

    /** Every {@code .yaml}, {@code .yml} and {@code .json} file of a directory (or the one file named). */
    public static ManifestClusterReader fromPath(Path path) {
        return new ManifestClusterReader(() -> {
            if (!Files.isDirectory(path)) {
                return List.of(Files.readString(path, StandardCharsets.UTF_8));
            }
            List<String> docs = new ArrayList<>();
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().collect(Collectors.toList())) {
                    docs.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            return docs;
        });
    }

    @Override
    public ClusterSnapshot read() throws ClusterReadException {
        List<KubeService> services = new ArrayList<>();
        List<KubeEndpointSlice> slices = new ArrayList<>();
        List<KubeNode> nodes = new ArrayList<>();
        String identity = "";
        try {
            for (String text : source.documents()) {
                for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                    for (Map<?, ?> object : objects(doc)) {
                        switch (string(object, "kind")) {
                            case "Service":
                                services.add(service(object));
                                break;
                            case "EndpointSlice":
                                slices.add(slice(object));
                                break;
                            case "Node":
                                nodes.add(node(object));
                                break;
                            case "Namespace":
                                Map<?, ?> meta = map(object, "metadata");
                                if (KubeMapper.IDENTITY_NAMESPACE.equals(string(meta, "name"))) {
                                    identity = string(meta, "uid");
                                }
                                break;
                            default:
                                break;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ClusterReadException("manifests: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Redactor.firstLine(e)));
        }
        if (identity.isEmpty()) {
            throw new ClusterReadException("manifests: no kube-system Namespace with its uid, so which cluster they come from"
                    + " is unknown; add it to the dump: kubectl get namespace kube-system -o yaml");
        }
        return ClusterSnapshot.of(services, slices, nodes).withIdentity(identity);
    }

    /** A document, or the items of a {@code List}. */
    private static List<Map<?, ?>> objects(Object doc) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (doc instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) doc;
            if (string(m, "kind").endsWith("List") && m.get("items") instanceof List) {
                for (Object item : (List<?>) m.get("items")) {
                    out.addAll(objects(item));
                }
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static KubeService service(Map<?, ?> o) {
        Map<?, ?> meta = map(o, "metadata");
        Map<?, ?> spec = map(o, "spec");
        List<ServicePort> ports = new ArrayList<>();
        for (Map<?, ?> p : maps(spec, "ports")) {
            ports.add(ServicePort.of(string(p, "name"), integer(p, "port"),
                    p.get("nodePort") == null ? null : integer(p, "nodePort"),
                    p.get("targetPort") == null ? null : String.valueOf(p.get("targetPort"))).withProtocol(string(p, "protocol")));
        }
        return KubeService.of(namespace(meta), string(meta, "name"), strings(meta, "annotations"),
                "Local".equals(string(spec, "externalTrafficPolicy")), ports)
                .withLoadBalancerClass(string(spec, "loadBalancerClass"));
    }

    private static KubeEndpointSlice slice(Map<?, ?> o) {
        Map<?, ?> meta = map(o, "metadata");
        List<SliceEndpoint> endpoints = new ArrayList<>();
        for (Map<?, ?> e : maps(o, "endpoints")) {
            Object addresses = e.get("addresses");
            if (!(addresses instanceof List) || ((List<?>) addresses).isEmpty()) {
                continue;
            }
            Map<?, ?> c = map(e, "conditions");
            boolean ready = c.get("ready") == null || Boolean.TRUE.equals(c.get("ready"));
            boolean serving = c.get("serving") == null ? ready : Boolean.TRUE.equals(c.get("serving"));
            endpoints.add(SliceEndpoint.of(String.valueOf(((List<?>) addresses).get(0)), ready, serving,
                    Boolean.TRUE.equals(c.get("terminating")), string(e, "nodeName")));
        }
        Map<String, Integer> ports = new HashMap<>();
        maps(o, "ports").forEach(p -> ports.put(p.get("name") == null ? "" : String.valueOf(p.get("name")),
                p.get("port") == null ? 0 : integer(p, "port")));
        return KubeEndpointSlice.of(namespace(meta), string(meta, "name"),
                strings(meta, "labels").get("kubernetes.io/service-name"), endpoints).withPorts(ports)
                .withAddressType(string(o, "addressType"));
    }

    private static KubeNode node(Map<?, ?> o) {
        Map<?, ?> meta = map(o, "metadata");
        Map<?, ?> spec = map(o, "spec");
        boolean ready = maps(map(o, "status"), "conditions").stream()
                .anyMatch(c -> "Ready".equals(string(c, "type")) && "True".equals(string(c, "status")));
        Set<String> taints = new HashSet<>();
        maps(spec, "taints").forEach(t -> taints.add(string(t, "key")));
        return KubeNode.of(string(meta, "name"), string(spec, "providerID"), strings(meta, "labels"), ready,
                Boolean.TRUE.equals(spec.get("unschedulable")), taints);
    }

    private static String namespace(Map<?, ?> meta) {
        String ns = string(meta, "namespace");
        return ns.isEmpty() ? "default" : ns;
    }

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Map ? (Map<?, ?>) v : Map.of();
    }

    private static List<Map<?, ?>> maps(Map<?, ?> m, String key) {
        Object v = m.get(key);
        List<Map<?, ?>> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object item : (List<?>) v) {
                if (item instanceof Map) {
                    out.add((Map<?, ?>) item);
                }
            }
        }
        return out;
    }

    private static Map<String, String> strings(Map<?, ?> m, String key) {
        Map<String, String> out = new HashMap<>();
        map(m, key).forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }

    private static String string(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private static int integer(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Number ? ((Number) v).intValue() : Integer.parseInt(String.valueOf(v));
    }
}
