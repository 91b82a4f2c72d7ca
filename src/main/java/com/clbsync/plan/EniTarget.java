package com.clbsync.plan;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.ServicePort;
import com.clbsync.model.SliceEndpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ENI backends of one Service port ({@code backend-type: eni}): one per pod IP at its ENI and the
 * target port. Serving pods are backends; pods that are terminating but still serving are kept at
 * weight 0 while the group holds them; pods that are not ready are dropped, unless none of the
 * Service's pods serves (then they are kept at 0, as the Local failover keeps its nodes). A pod IP
 * without an ENI is no backend, and is named; so is one whose ENI is attached to no node of the
 * cluster: an ENI backend must be the cluster's own pod.
 */
final class EniTarget {
    private final Map<BackendKey, Integer> serving;
    private final Set<BackendKey> zeroOnly;
    private final List<String> unresolved;
    private final List<String> foreign;
    private final int port;

    private EniTarget(Map<BackendKey, Integer> serving, Set<BackendKey> zeroOnly, List<String> unresolved,
                      List<String> foreign, int port) {
        this.serving = Collections.unmodifiableMap(serving);
        this.zeroOnly = Collections.unmodifiableSet(zeroOnly);
        this.unresolved = List.copyOf(unresolved);
        this.foreign = List.copyOf(foreign);
        this.port = port;
    }

    /** @param nodeInstances the ECS instances of the cluster's nodes: an ENI attached to anything else is no backend */
    static EniTarget of(List<KubeEndpointSlice> slices, ServicePort servicePort, EniIds enis, Set<String> nodeInstances) {
        TargetPort target = TargetPort.of(servicePort);
        Map<String, SliceEndpoint> best = new TreeMap<>();
        Map<String, Integer> portOf = new HashMap<>();
        int lowest = Integer.MAX_VALUE;
        for (KubeEndpointSlice slice : slices) {
            Optional<Integer> number = target.numberIn(slice);
            if (number.isEmpty()) {
                continue;
            }
            lowest = Math.min(lowest, number.get());
            for (SliceEndpoint ep : slice.endpoints()) {
                SliceEndpoint seen = best.get(ep.ip());
                if (seen == null || rank(ep) > rank(seen)) {
                    best.put(ep.ip(), ep);
                    portOf.put(ep.ip(), number.get());
                }
            }
        }
        boolean anyServing = best.values().stream().anyMatch(SliceEndpoint::serving);
        Map<BackendKey, Integer> serving = new TreeMap<>();
        Set<BackendKey> zeroOnly = new TreeSet<>();
        List<String> unresolved = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (Map.Entry<String, SliceEndpoint> e : best.entrySet()) {
            SliceEndpoint ep = e.getValue();
            boolean wanted = ep.serving() || ep.draining() || !anyServing;
            if (!wanted) {
                continue;
            }
            Optional<String> eni = enis.of(e.getKey(), nodeInstances);
            if (eni.isEmpty()) {
                Optional<Eni> other = enis.elsewhere(e.getKey(), nodeInstances);
                if (other.isPresent()) {
                    foreign.add(e.getKey() + " (" + other.get() + ")"); // another machine's ENI: never a backend
                } else {
                    unresolved.add(e.getKey());
                }
                continue;
            }
            BackendKey key = BackendKey.of(eni.get(), portOf.get(e.getKey()), e.getKey());
            if (ep.serving()) {
                serving.put(key, 1);
            } else {
                zeroOnly.add(key);
            }
        }
        int port = lowest == Integer.MAX_VALUE ? (target.named() ? 0 : Integer.parseInt(target.toString())) : lowest;
        return new EniTarget(serving, zeroOnly, unresolved, foreign, port);
    }

    private static int rank(SliceEndpoint ep) {
        return ep.serving() ? 2 : ep.draining() ? 1 : 0;
    }

    /** Serving pods' backends, one pod each. */
    Map<BackendKey, Integer> serving() { return serving; }
    /** Backends kept at weight 0 while the group holds them. */
    Set<BackendKey> zeroOnly() { return zeroOnly; }
    /** Pod IPs that would be backends but have no ENI in use, in order. */
    List<String> unresolved() { return unresolved; }
    /**
     * Endpoint IPs held by an ENI that is not attached to a node of the cluster (a hand-written
     * EndpointSlice naming another machine, another VPC's pod): left out, with the ENI named.
     */
    List<String> foreign() { return foreign; }
    /** The target port's number, for the backends' description. */
    int port() { return port; }
}
