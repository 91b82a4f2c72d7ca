package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.clbsync.model.Refresh;
import com.clbsync.model.ServiceName;
import com.clbsync.time.Sleeper;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import com.clbsync.model.ResourceVersions;
import okhttp3.Call;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ClusterReader} on client-java: three paginated list calls (Services and EndpointSlices of all
 * namespaces, Nodes) and one get (the {@code kube-system} namespace: the cluster's identity), never one
 * call per Service; each page retried once on a transient failure, and a
 * list whose continue token expired (410) started again once from the beginning.
 */
public final class KubeClusterReader implements ClusterReader {
    static final int PAGE_SIZE = 500;

    private final ApiClient client;
    private final CoreV1Api core;
    private final DiscoveryV1Api discovery;
    private final Sleeper sleeper;
    private final KubeWatches watches;
    /** When {@link #cancel} was last called (System.nanoTime): a call that failed after it is not retried. */
    private volatile long cancelledAt;
    private volatile boolean everCancelled;

    public KubeClusterReader(ApiClient client) {
        this(client, Sleeper.REAL);
    }

    public KubeClusterReader(ApiClient client, Sleeper sleeper) {
        this.client = client;
        this.core = new CoreV1Api(client);
        this.discovery = new DiscoveryV1Api(client);
        this.sleeper = sleeper;
        this.watches = new KubeWatches(core, discovery);
    }

    @Override
    public ClusterSnapshot read() throws ClusterReadException {
        LongAdder bytes = new LongAdder();
        Listing<KubeService> services = list("list services", cont -> core.listServiceForAllNamespaces()
                .limit(PAGE_SIZE)._continue(cont).buildCall(null), KubeObjects::service, bytes);
        Listing<KubeEndpointSlice> slices = list("list endpointslices", cont -> discovery.listEndpointSliceForAllNamespaces()
                .limit(PAGE_SIZE)._continue(cont).buildCall(null), KubeObjects::slice, bytes);
        Listing<KubeNode> nodes = list("list nodes", cont -> core.listNode().limit(PAGE_SIZE)._continue(cont).buildCall(null),
                KubeObjects::node, bytes);
        return ClusterSnapshot.of(services.items, slices.items, nodes.items).withIdentity(identity(bytes))
                .withVersions(ResourceVersions.of(services.version, slices.version, nodes.version))
                .withBytesRead(bytes.sum());
    }

    /** The changes since {@code base} ({@link KubeWatches}), and which cluster answers, again. */
    @Override
    public Resumed resume(ClusterSnapshot base) {
        ResourceVersions from = base.versions();
        if (!from.complete()) {
            return Resumed.no("the snapshot has no resourceVersion to resume from");
        }
        LongAdder bytes = new LongAdder();
        try {
            KubeWatches.Since since = watches.since(from, bytes);
            if (!identity(bytes).equals(base.identity())) {
                return Resumed.no("the API server now answers for another cluster");
            }
            return Resumed.of(base.changed(since.services.changed, since.slices.changed, since.nodes.changed,
                    since.versions()).withBytesRead(bytes.sum()), since.count());
        } catch (ClusterReadException x) {
            return Resumed.no(x.getMessage());
        } catch (ApiException x) {
            return Resumed.no("a watch could not be started: " + ApiFailures.describe(x));
        }
    }

    /** The UID of the {@code kube-system} namespace: which cluster this API server answers for. */
    private String identity(LongAdder bytes) throws ClusterReadException {
        String what = "get namespace " + KubeObjects.IDENTITY_NAMESPACE;
        Map<?, ?> ns;
        try {
            ns = fetch(what, c -> ListStream.object(core.readNamespace(KubeObjects.IDENTITY_NAMESPACE).buildCall(null), bytes),
                    null);
        } catch (ClusterReadException e) {
            if (e.kind() != ClusterReadException.Kind.FORBIDDEN) {
                throw e;
            }
            throw new ClusterReadException(e.getMessage() + ": which cluster answers is unknown without it; apply"
                    + " src/deploy/rbac.yaml (get on namespaces/kube-system)", e.kind());
        }
        String uid = KubeObjects.uid(ns);
        if (uid.isBlank()) {
            throw new ClusterReadException(what + ": the answer has no UID");
        }
        return uid;
    }

    /**
     * {@code base} with what {@code what} names read again: each Service and Node by name (404: gone), each
     * Service's EndpointSlices by its {@code kubernetes.io/service-name} label in its namespace.
     */
    @Override
    public ClusterSnapshot refresh(ClusterSnapshot base, Refresh what) throws ClusterReadException {
        List<KubeService> services = new ArrayList<>();
        LongAdder bytes = new LongAdder();
        for (ServiceName s : what.services()) {
            get("service " + s, () -> ListStream.object(core.readNamespacedService(s.name(), s.namespace()).buildCall(null), bytes))
                    .map(KubeObjects::service).ifPresent(services::add);
        }
        List<KubeEndpointSlice> slices = new ArrayList<>();
        for (ServiceName s : what.slicesOf()) {
            slices.addAll(list("list endpointslices of " + s, cont -> discovery.listNamespacedEndpointSlice(s.namespace())
                    .labelSelector(KubeObjects.SERVICE_NAME_LABEL + "=" + s.name()).limit(PAGE_SIZE)._continue(cont)
                    .buildCall(null), KubeObjects::slice, bytes).items);
        }
        List<KubeNode> nodes = new ArrayList<>();
        for (String name : what.nodes()) {
            get("node " + name, () -> ListStream.object(core.readNode(name).buildCall(null), bytes)).map(KubeObjects::node)
                    .ifPresent(nodes::add);
        }
        return base.refreshed(what, services, slices, nodes).withBytesRead(bytes.sum());
    }

    /** Cancels every call of this cluster's client in flight (each cluster has a client, and a dispatcher, of its own). */
    @Override
    public void cancel() {
        cancelledAt = System.nanoTime();
        everCancelled = true;
        client.getHttpClient().dispatcher().cancelAll();
    }

    private interface Get<T> {
        T fetch() throws ApiException;
    }

    /** One object by name, or empty when the API server answers 404 (it is gone). */
    private Optional<Map<?, ?>> get(String what, Get<Map<?, ?>> call) throws ClusterReadException {
        try {
            return Optional.of(fetch("get " + what, cont -> call.fetch(), null));
        } catch (ClusterReadException e) {
            if (e.kind() == ClusterReadException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code list nodes?limit=1}: reachability, the CA, the credentials and the RBAC's list, in one call. */
    @Override
    public void probe() throws ClusterReadException {
        fetch("list nodes", cont -> ListStream.read(core.listNode().limit(1).buildCall(null), KubeObjects::node, n -> { },
                new LongAdder()), null);
    }

    private interface Page<L> {
        L fetch(String continueToken) throws ApiException;
    }

    private interface ListCall {
        Call build(String continueToken) throws ApiException;
    }

    /** A list's items and the resourceVersion it stands at. */
    private static final class Listing<V> {
        final List<V> items;
        final String version;

        Listing(List<V> items, String version) {
            this.items = items;
            this.version = version;
        }
    }

    /** Every page of a list, each item reduced and mapped as it streams in ({@link ListStream}). */
    private <V> Listing<V> list(String what, ListCall call, Function<Map<?, ?>, V> map, LongAdder bytes)
            throws ClusterReadException {
        List<V> out = new ArrayList<>();
        String cont = null;
        String version = "";
        boolean restarted = false;
        while (true) {
            List<V> page = new ArrayList<>(); // a failed page is retried whole: nothing of it counts twice
            try {
                String from = cont;
                ListStream.PageEnd end = fetch(what, c -> {
                    page.clear();
                    return ListStream.read(call.build(c), map, page::add, bytes);
                }, from);
                cont = end.continueToken;
                version = end.resourceVersion;
            } catch (ClusterReadException e) {
                if (e.kind() != ClusterReadException.Kind.EXPIRED || cont == null || restarted) {
                    throw e;
                }
                // the continue token expired (a slow list outlived its snapshot): the list again from the start, once
                restarted = true;
                out.clear();
                cont = null;
                continue;
            }
            out.addAll(page);
            if (cont == null) {
                return new Listing<>(out, version);
            }
        }
    }

    /** One page, with one retry on a transient failure (429 after its Retry-After, 5xx, no answer). */
    private <L> L fetch(String what, Page<L> page, String cont) throws ClusterReadException {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                return page.fetch(cont);
            } catch (ApiException e) {
                if (everCancelled && cancelledAt - started >= 0) {
                    throw new ClusterReadException(what + ": cancelled (the run stopped waiting for it)");
                }
                if (attempt > 1 || !ApiFailures.isTransient(e)) {
                    throw new ClusterReadException(what + ": " + ApiFailures.describe(e) + (attempt > 1 ? " (after one retry)" : ""),
                            ApiFailures.kindOf(e));
                }
                pause(ApiFailures.retryAfter(e));
            } catch (RuntimeException e) {
                throw new ClusterReadException(what + ": " + e.getClass().getSimpleName());
            }
        }
    }

    private void pause(Duration d) throws ClusterReadException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterReadException("interrupted");
        }
    }
}
