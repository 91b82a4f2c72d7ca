package com.clbsync.kube;

import com.clbsync.redact.Redactor;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                                services.add(KubeObjects.service(object));
                                break;
                            case "EndpointSlice":
                                slices.add(KubeObjects.slice(object));
                                break;
                            case "Node":
                                nodes.add(KubeObjects.node(object));
                                break;
                            case "Namespace":
                                Map<?, ?> meta = map(object, "metadata");
                                if (KubeObjects.IDENTITY_NAMESPACE.equals(string(meta, "name"))) {
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

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        return KubeObjects.map(m, key);
    }

    private static String string(Map<?, ?> m, String key) {
        return KubeObjects.string(m, key);
    }
}
