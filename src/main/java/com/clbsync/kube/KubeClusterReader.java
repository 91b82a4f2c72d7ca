package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import io.kubernetes.client.openapi.models.V1ListMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@link ClusterReader} on client-java: three paginated list calls (Services and EndpointSlices of all
 * namespaces, Nodes), never one call per Service.
 */
public final class KubeClusterReader implements ClusterReader {
    static final int PAGE_SIZE = 500;

    private final CoreV1Api core;
    private final DiscoveryV1Api discovery;

    public KubeClusterReader(ApiClient client) {
        this.core = new CoreV1Api(client);
        this.discovery = new DiscoveryV1Api(client);
    }

    @Override
    public ClusterSnapshot read() throws ClusterReadException {
        List<KubeService> services = list("services", cont -> core.listServiceForAllNamespaces()
                .limit(PAGE_SIZE)._continue(cont).execute(), l -> l.getMetadata(), l -> l.getItems(), KubeMapper::service);
        List<KubeEndpointSlice> slices = list("endpointslices", cont -> discovery.listEndpointSliceForAllNamespaces()
                .limit(PAGE_SIZE)._continue(cont).execute(), l -> l.getMetadata(), l -> l.getItems(), KubeMapper::slice);
        List<KubeNode> nodes = list("nodes", cont -> core.listNode().limit(PAGE_SIZE)._continue(cont).execute(),
                l -> l.getMetadata(), l -> l.getItems(), KubeMapper::node);
        return ClusterSnapshot.of(services, slices, nodes);
    }

    private interface Page<L> {
        L fetch(String continueToken) throws ApiException;
    }

    private static <L, I, V> List<V> list(String what, Page<L> page, Function<L, V1ListMeta> meta,
                                          Function<L, List<I>> items, Function<I, V> map) throws ClusterReadException {
        List<V> out = new ArrayList<>();
        String cont = null;
        do {
            L list;
            try {
                list = page.fetch(cont);
            } catch (ApiException e) {
                throw new ClusterReadException("list " + what + ": " + describe(e));
            } catch (RuntimeException e) {
                throw new ClusterReadException("list " + what + ": " + e.getClass().getSimpleName());
            }
            if (items.apply(list) != null) {
                for (I item : items.apply(list)) {
                    out.add(map.apply(item));
                }
            }
            V1ListMeta m = meta.apply(list);
            cont = m == null || m.getContinue() == null || m.getContinue().isEmpty() ? null : m.getContinue();
        } while (cont != null);
        return out;
    }

    /** Status code and cause only: a response body or header could carry more than we want in a log. */
    private static String describe(ApiException e) {
        if (e.getCode() != 0) {
            return "HTTP " + e.getCode();
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
