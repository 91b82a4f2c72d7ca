package com.clbsync.sync;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.EcsEniLookup;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.GroupApis;
import com.clbsync.clb.NlbServerGroupApi;
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
import com.clbsync.redact.Redactor;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wires the real adapters (client-java per cluster, the CLB and ECS clients) and assembles every
 * {@link SyncService}: the one place it is put together, for the command line and the function alike.
 */
public final class SyncFactory {

    private SyncFactory() {
    }

    public static SyncService create(SyncConfig config, VServerGroupApi api) throws ConfigException {
        return create(config, api, Map.of(), Optional.empty());
    }

    /**
     * @param overrides   readers to use instead of an API server client, by cluster name (offline what-if);
     *                    no Events are written in those clusters
     * @param credentials clb-sync's own Alibaba Cloud credentials: the ENI lookup's, and ACK kubeconfigs'
     */
    public static SyncService create(SyncConfig config, VServerGroupApi api, Map<String, ClusterReader> overrides,
                                     Optional<ClbCredentials> credentials) throws ConfigException {
        return service(config, clusters(config, overrides), credentials, api,
                credentials.map(c -> eniLookup(config, c)).orElse(EniLookup.NONE), SyncService.readPool(config.clusters().size()));
    }

    /**
     * A run's service: the clusters' readers and Event writers bound to {@code credentials}, the CLB and
     * ECS clients, the weight policy of the configuration, the read pool (shared, not owned).
     */
    public static SyncService service(SyncConfig config, ClusterClients clusters, Optional<ClbCredentials> credentials,
                                      VServerGroupApi api, EniLookup enis, ExecutorService pool) {
        return new SyncService(config, clusters.readers(credentials), api, weightPolicy(config.weightMode()), pool)
                .withEvents(clusters.events(credentials)).withEnis(enis);
    }

    /** One client-java reader per configured cluster, by name, for runs without credentials (no ACK kubeconfigs). */
    public static Map<String, ClusterReader> readers(SyncConfig config) throws ConfigException {
        return clusters(config).readers(Optional.empty());
    }

    /**
     * The readers and the Event writers of every configured cluster, on one client-java client each (for
     * an ACK cluster without stored secrets, a client on its current short-lived kubeconfig); a client
     * that cannot be built is a configuration error.
     */
    public static ClusterClients clusters(SyncConfig config) throws ConfigException {
        return clusters(config, Map.of());
    }

    private static ClusterClients clusters(SyncConfig config, Map<String, ClusterReader> overrides) throws ConfigException {
        AckKubeconfigs kubeconfigs = new AckKubeconfigs(config.resolvedAckEndpoint(), Clock.systemUTC());
        LongAdder requests = new LongAdder();
        Map<String, ClusterReader> readers = new LinkedHashMap<>();
        Map<String, ServiceEvents> events = new LinkedHashMap<>();
        Map<String, AckCluster> ack = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.clusters().size(); i++) {
            ClusterConfig c = config.clusters().get(i);
            if (overrides.containsKey(c.name())) {
                readers.put(c.name(), overrides.get(c.name()));
            } else if (c.fromAck()) {
                ack.put(c.name(), new AckCluster(c, kubeconfigs, requests));
            } else {
                try {
                    ApiClient client = KubeClients.create(c, requests);
                    readers.put(c.name(), new KubeClusterReader(client));
                    events.put(c.name(), new KubeServiceEvents(client, Clock.systemUTC()));
                } catch (IOException | RuntimeException e) {
                    problems.add("clusters[" + i + "]" + (c.kubeconfig().isPresent() ? ".kubeconfig" : "")
                            + ": cannot build a client: " + Redactor.firstLine(e));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ClusterClients(readers, events, ack, requests);
    }

    /**
     * The group calls of every load balancer kind for this configuration, with these credentials: the CLB's,
     * and the NLB's, built when an NLB group is first met.
     */
    public static VServerGroupApi groupApi(SyncConfig config, ClbCredentials credentials) {
        return GroupApis.of(clbApi(config, credentials), () -> nlbApi(config, credentials));
    }

    /** The NLB API for this configuration (region, endpoint, quotas, servers per call) with these credentials. */
    public static NlbServerGroupApi nlbApi(SyncConfig config, ClbCredentials credentials) {
        return NlbServerGroupApi.create(config.region(), config.resolvedNlbEndpoint(), credentials, config.nlbBatchSize())
                .withQuotas(config.nlbQuotas());
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
