package com.clbsync.sync;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.kube.AckCluster;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.KubeServiceEvents;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * What is built once per configured cluster: its reader and its Event writer. An ACK cluster given by
 * id alone asks ACK for its kubeconfig with the credentials of the run at hand, so its reader and
 * writer are bound to them per run ({@link #readers(Optional)}); the client they share is built once.
 */
public final class ClusterClients {
    private final Map<String, ClusterReader> readers;
    private final Map<String, ServiceEvents> events;
    private final Map<String, AckCluster> ack;
    private final LongAdder requests;

    ClusterClients(Map<String, ClusterReader> readers, Map<String, ServiceEvents> events, Map<String, AckCluster> ack,
                   LongAdder requests) {
        this.readers = Map.copyOf(readers);
        this.events = Map.copyOf(events);
        this.ack = Map.copyOf(ack);
        this.requests = requests;
    }

    /** Readers and writers given (tests, or clusters read from files): no credentials involved. */
    public static ClusterClients of(Map<String, ClusterReader> readers, Map<String, ServiceEvents> events) {
        return new ClusterClients(readers, events, Map.of(), new LongAdder());
    }

    /** The requests sent to the clusters' API servers so far. */
    public long kubernetesRequests() { return requests.sum(); }

    /** Every cluster's reader, by name; ACK clusters' ask for kubeconfigs with {@code credentials}. */
    public Map<String, ClusterReader> readers(Optional<ClbCredentials> credentials) {
        Map<String, ClusterReader> out = new LinkedHashMap<>(readers);
        ack.forEach((name, cluster) -> out.put(name, cluster.reader(credentials)));
        return out;
    }

    /** Every cluster's Event writer, by name; ACK clusters' ask for kubeconfigs with {@code credentials}. */
    public Map<String, ServiceEvents> events(Optional<ClbCredentials> credentials) {
        Map<String, ServiceEvents> out = new LinkedHashMap<>(events);
        ack.forEach((name, cluster) -> out.put(name, (e, within) ->
                new KubeServiceEvents(cluster.client(credentials), Clock.systemUTC()).record(e, within)));
        return out;
    }
}
