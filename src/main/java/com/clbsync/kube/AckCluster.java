package com.clbsync.kube;

import com.clbsync.redact.Redactor;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ClusterConfig;
import io.kubernetes.client.openapi.ApiClient;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * An ACK cluster reached without stored secrets: its client is built from a short-lived kubeconfig
 * the ACK API hands out for clb-sync's current credentials, and rebuilt when the kubeconfig is renewed.
 */
public final class AckCluster {
    private final ClusterConfig config;
    private final AckKubeconfigs kubeconfigs;
    private final LongAdder requests;
    private String kubeconfig;
    private ApiClient client;

    /** @param requests counts the requests sent to the cluster's API server */
    public AckCluster(ClusterConfig config, AckKubeconfigs kubeconfigs, LongAdder requests) {
        this.config = config;
        this.kubeconfigs = kubeconfigs;
        this.requests = requests;
    }

    /**
     * A client on a kubeconfig that is valid for a while yet, asked for with {@code credentials} (the
     * invocation's) when a new one is needed; a renewed one closes the client before it.
     */
    public synchronized ApiClient client(Optional<ClbCredentials> credentials) throws ClusterReadException {
        ClbCredentials c = credentials.orElseThrow(() -> new ClusterReadException("no Alibaba Cloud credentials to"
                + " ask ACK for a kubeconfig of " + config.ackClusterId().orElse("?"), ClusterReadException.Kind.ACK_FORBIDDEN));
        String current = kubeconfigs.kubeconfig(config.ackClusterId().orElseThrow(), c);
        if (!current.equals(kubeconfig)) {
            ApiClient renewed;
            try {
                renewed = KubeClients.create(ClusterConfig.builder(config.name()).kubeconfig(current)
                        .timeoutSeconds(config.timeoutSeconds()).build(), requests);
            } catch (IOException | RuntimeException e) {
                throw new ClusterReadException("cluster " + config.name() + ": the kubeconfig ACK returned for " + config.ackClusterId().orElse("?")
                        + " cannot be used: " + Redactor.firstLine(e));
            }
            if (client != null) {
                KubeClients.close(client);
            }
            client = renewed;
            kubeconfig = current;
        }
        return client;
    }

    /** The API server refused the kubeconfig (401): it is not asked for again when it expires, but now. */
    private synchronized void refused() {
        kubeconfigs.forget(config.ackClusterId().orElseThrow());
    }

    private interface Call<T> {
        T on(KubeClusterReader reader) throws ClusterReadException;
    }

    /** One read through a client on a valid kubeconfig; after a 401, once more on a new kubeconfig. */
    private <T> T withClient(Optional<ClbCredentials> credentials, Call<T> call) throws ClusterReadException {
        try {
            return call.on(new KubeClusterReader(client(credentials)));
        } catch (ClusterReadException e) {
            if (e.kind() != ClusterReadException.Kind.UNAUTHORIZED) {
                throw e;
            }
            refused();
            return call.on(new KubeClusterReader(client(credentials)));
        }
    }

    /** Reads through a client on a valid kubeconfig, asking ACK with these credentials (an invocation's) when needed. */
    public ClusterReader reader(Optional<ClbCredentials> credentials) {
        return new ClusterReader() {
            @Override
            public com.clbsync.model.ClusterSnapshot read() throws ClusterReadException {
                return withClient(credentials, KubeClusterReader::read);
            }

            @Override
            public com.clbsync.model.ClusterSnapshot refresh(com.clbsync.model.ClusterSnapshot base,
                                                             com.clbsync.model.Refresh what) throws ClusterReadException {
                return withClient(credentials, r -> r.refresh(base, what));
            }

            @Override
            public void probe() throws ClusterReadException {
                withClient(credentials, r -> {
                    r.probe();
                    return null;
                });
            }

            @Override
            public void cancel() {
                ApiClient current;
                synchronized (AckCluster.this) {
                    current = client;
                }
                if (current != null) {
                    current.getHttpClient().dispatcher().cancelAll();
                }
            }
        };
    }
}
