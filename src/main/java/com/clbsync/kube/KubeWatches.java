package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.clbsync.model.ResourceVersions;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The changes to a cluster's three lists since given resourceVersions: one bounded watch per list
 * ({@code allowWatchBookmarks}, a short {@code timeoutSeconds}), the three at once on the client's own
 * threads, each ended by its first bookmark ({@link WatchStream}).
 */
final class KubeWatches {
    /**
     * How long the API server may keep a watch open; it ends at the first bookmark, sooner. The API server's
     * watch cache sends a requested bookmark 2 s before a watch's deadline (and about every minute; kubernetes
     * PR #90249), so with 2 s it is due at once and comes with the cache's next bookmark tick (every 1 to
     * 1.25 s). The API documentation promises no bookmark at all: without one, the read lists in full.
     */
    static final int WATCH_SECONDS = 2;
    /** How much longer than that clb-sync waits for a watch's answer. */
    static final Duration WATCH_GRACE = Duration.ofSeconds(5);

    private final CoreV1Api core;
    private final DiscoveryV1Api discovery;

    KubeWatches(CoreV1Api core, DiscoveryV1Api discovery) {
        this.core = core;
        this.discovery = discovery;
    }

    /** What the three watches returned. */
    static final class Since {
        final WatchStream.Changes<KubeService> services;
        final WatchStream.Changes<KubeEndpointSlice> slices;
        final WatchStream.Changes<KubeNode> nodes;

        Since(WatchStream.Changes<KubeService> services, WatchStream.Changes<KubeEndpointSlice> slices,
              WatchStream.Changes<KubeNode> nodes) {
            this.services = services;
            this.slices = slices;
            this.nodes = nodes;
        }

        /** Where the lists stand now: each watch's bookmark. */
        ResourceVersions versions() {
            return ResourceVersions.of(services.bookmark, slices.bookmark, nodes.bookmark);
        }

        /** The objects changed. */
        int count() {
            return services.changed.size() + slices.changed.size() + nodes.changed.size();
        }
    }

    Since since(ResourceVersions from, LongAdder bytes) throws ClusterReadException, ApiException {
        CompletableFuture<WatchStream.Changes<KubeService>> services = watch("watch services",
                core.listServiceForAllNamespaces().watch(true).allowWatchBookmarks(true).resourceVersion(from.services())
                        .timeoutSeconds(WATCH_SECONDS).buildCall(null), KubeObjects::service, ClusterSnapshot::key,
                bytes);
        CompletableFuture<WatchStream.Changes<KubeEndpointSlice>> slices = watch("watch endpointslices",
                discovery.listEndpointSliceForAllNamespaces().watch(true).allowWatchBookmarks(true)
                        .resourceVersion(from.slices()).timeoutSeconds(WATCH_SECONDS).buildCall(null),
                KubeObjects::slice, ClusterSnapshot::key, bytes);
        CompletableFuture<WatchStream.Changes<KubeNode>> nodes = watch("watch nodes", core.listNode().watch(true)
                .allowWatchBookmarks(true).resourceVersion(from.nodes()).timeoutSeconds(WATCH_SECONDS).buildCall(null),
                KubeObjects::node, ClusterSnapshot::key, bytes);
        try {
            return new Since(await(services), await(slices), await(nodes));
        } finally {
            // one failed: the others are not waited for; their calls end now rather than when the server ends them
            java.util.List.of(services, slices, nodes).forEach(f -> f.cancel(true));
        }
    }

    /** Starts a watch on the client's own threads; its answer is read as it streams in. */
    private static <V> CompletableFuture<WatchStream.Changes<V>> watch(String what, Call call, Function<Map<?, ?>, V> map,
                                                                       Function<V, String> key, LongAdder bytes) {
        CompletableFuture<WatchStream.Changes<V>> done = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                done.completeExceptionally(new ClusterReadException(what + ": no answer (" + e.getClass().getSimpleName() + ")",
                        ClusterReadException.Kind.UNREACHABLE));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try {
                    done.complete(WatchStream.read(what, response, map, key, bytes));
                } catch (ClusterReadException e) {
                    done.completeExceptionally(e);
                }
            }
        });
        done.whenComplete((r, e) -> call.cancel()); // ended by its bookmark or a failure: the server may stop sending
        return done;
    }

    private static <T> T await(CompletableFuture<T> watch) throws ClusterReadException {
        try {
            return watch.get(Duration.ofSeconds(WATCH_SECONDS).plus(WATCH_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ClusterReadException ? (ClusterReadException) e.getCause()
                    : new ClusterReadException("a watch failed: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            watch.cancel(true);
            throw new ClusterReadException("a watch gave no bookmark within " + (WATCH_SECONDS + WATCH_GRACE.toSeconds()) + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterReadException("interrupted");
        }
    }
}
