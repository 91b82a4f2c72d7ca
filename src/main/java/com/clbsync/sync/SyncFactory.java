package com.clbsync.sync;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.ConfigException;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.KubeClients;
import com.clbsync.kube.KubeClusterReader;
import com.clbsync.plan.CcmWeights;
import com.clbsync.plan.GlobalWeights;
import com.clbsync.plan.WeightPolicy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wires the real adapters (client-java per cluster, the SLB SDK) into a {@link SyncService}, once. */
public final class SyncFactory {

    private SyncFactory() {
    }

    public static SyncService create(SyncConfig config, ClbCredentials credentials) throws ConfigException {
        return create(config, SlbVServerGroupApi.create(config.region(), config.clbEndpoint(), credentials));
    }

    public static SyncService create(SyncConfig config, VServerGroupApi api) throws ConfigException {
        return new SyncService(config, readers(config), api, weightPolicy(config.weightMode()), SyncService.readPool());
    }

    /** One client-java reader per configured cluster, by name; a client that cannot be built is a configuration error. */
    public static Map<String, ClusterReader> readers(SyncConfig config) throws ConfigException {
        Map<String, ClusterReader> readers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.clusters().size(); i++) {
            ClusterConfig c = config.clusters().get(i);
            try {
                readers.put(c.name(), new KubeClusterReader(KubeClients.create(c)));
            } catch (IOException | RuntimeException e) {
                problems.add("clusters[" + i + "]" + (c.kubeconfig().isPresent() ? ".kubeconfig" : "")
                        + ": cannot build a client: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return readers;
    }

    public static WeightPolicy weightPolicy(WeightMode mode) {
        return mode == WeightMode.CCM ? new CcmWeights() : new GlobalWeights();
    }
}
