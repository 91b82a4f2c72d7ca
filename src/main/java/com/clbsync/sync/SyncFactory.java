package com.clbsync.sync;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.EcsEniLookup;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.RetryPolicy;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.ConfigException;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.KubeClients;
import com.clbsync.kube.AckCluster;
import com.clbsync.kube.AckKubeconfigs;
import com.clbsync.kube.KubeClusterReader;
import com.clbsync.kube.KubeServiceEvents;
import io.kubernetes.client.openapi.ApiClient;
import com.clbsync.plan.CcmWeights;
import com.clbsync.plan.GlobalWeights;
import com.clbsync.plan.WeightPolicy;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Wires the real adapters (client-java per cluster, the given CLB API) into a {@link SyncService}, once. */
public final class SyncFactory {

    private SyncFactory() {
    }

    public static SyncService create(SyncConfig config, VServerGroupApi api) throws ConfigException {
        return create(config, api, Map.of());
    }

    /**
     * @param overrides readers to use instead of an API server client, by cluster name (offline what-if);
     *                  no Events are written in those clusters
     */
    public static SyncService create(SyncConfig config, VServerGroupApi api, Map<String, ClusterReader> overrides)
            throws ConfigException {
        return create(config, api, overrides, Optional::empty);
    }

    /** @param credentials clb-sync's own Alibaba Cloud credentials, for ACK clusters without stored secrets */
    public static SyncService create(SyncConfig config, VServerGroupApi api, Map<String, ClusterReader> overrides,
                                     Supplier<Optional<ClbCredentials>> credentials) throws ConfigException {
        Clusters clusters = clusters(config, overrides, credentials);
        SyncService service = new SyncService(config, clusters.readers, api, weightPolicy(config.weightMode()),
                SyncService.readPool(config.clusters().size())).withEvents(clusters.events);
        Optional<ClbCredentials> own = credentials.get();
        return own.isPresent() ? service.withEnis(eniLookup(config, own.get())) : service;
    }

    /** One client-java reader per configured cluster, by name; a client that cannot be built is a configuration error. */
    public static Map<String, ClusterReader> readers(SyncConfig config) throws ConfigException {
        return clusters(config, Map.of(), Optional::empty).readers;
    }

    /**
     * The readers and the Event writers of every configured cluster, on one client-java client each (for
     * an ACK cluster without stored secrets, a client on its current short-lived kubeconfig).
     *
     * @param credentials clb-sync's own Alibaba Cloud credentials at the time of a read
     */
    public static Clusters clusters(SyncConfig config, Supplier<Optional<ClbCredentials>> credentials) throws ConfigException {
        return clusters(config, Map.of(), credentials);
    }

    private static Clusters clusters(SyncConfig config, Map<String, ClusterReader> overrides,
                                     Supplier<Optional<ClbCredentials>> credentials) throws ConfigException {
        AckKubeconfigs kubeconfigs = new AckKubeconfigs(config.resolvedAckEndpoint(), Clock.systemUTC());
        LongAdder requests = new LongAdder();
        Map<String, ClusterReader> readers = new LinkedHashMap<>();
        Map<String, ServiceEvents> events = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.clusters().size(); i++) {
            ClusterConfig c = config.clusters().get(i);
            if (overrides.containsKey(c.name())) {
                readers.put(c.name(), overrides.get(c.name()));
                continue;
            }
            if (c.fromAck()) {
                AckCluster ack = new AckCluster(c, kubeconfigs, credentials, requests);
                readers.put(c.name(), ack.reader());
                events.put(c.name(), (e, within) -> new KubeServiceEvents(ack.client(), Clock.systemUTC()).record(e, within));
                continue;
            }
            try {
                ApiClient client = KubeClients.create(c, requests);
                readers.put(c.name(), new KubeClusterReader(client));
                events.put(c.name(), new KubeServiceEvents(client, Clock.systemUTC()));
            } catch (IOException | RuntimeException e) {
                // the first line only: a YAML error's later lines quote the document, which may hold a token
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
                problems.add("clusters[" + i + "]" + (c.kubeconfig().isPresent() ? ".kubeconfig" : "")
                        + ": cannot build a client: " + why);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Clusters(readers, events, requests);
    }

    /** What is built once per cluster: its reader and its Event writer, by cluster name. */
    public static final class Clusters {
        private final Map<String, ClusterReader> readers;
        private final Map<String, ServiceEvents> events;
        private final LongAdder requests;

        private Clusters(Map<String, ClusterReader> readers, Map<String, ServiceEvents> events, LongAdder requests) {
            this.readers = Map.copyOf(readers);
            this.events = Map.copyOf(events);
            this.requests = requests;
        }

        /** The requests sent to the clusters' API servers so far. */
        public long kubernetesRequests() { return requests.sum(); }

        public Map<String, ClusterReader> readers() { return readers; }
        public Map<String, ServiceEvents> events() { return events; }
    }

    /** The CLB API for this configuration (region, endpoint, quotas) with these credentials. */
    public static SlbVServerGroupApi clbApi(SyncConfig config, ClbCredentials credentials) {
        return SlbVServerGroupApi.create(config.region(), config.resolvedClbEndpoint(), credentials)
                .withQuotas(config.clbQuotas());
    }

    /** The ENI lookup (ECS) for this configuration (region, endpoint) with these credentials, built on first use. */
    public static EniLookup eniLookup(SyncConfig config, ClbCredentials credentials) {
        return EniLookup.deferred(() -> EcsEniLookup.create(config.region(), config.resolvedEcsEndpoint(), credentials,
                RetryPolicy.standard()));
    }

    public static WeightPolicy weightPolicy(WeightMode mode) {
        return mode == WeightMode.CCM ? new CcmWeights() : new GlobalWeights();
    }
}
