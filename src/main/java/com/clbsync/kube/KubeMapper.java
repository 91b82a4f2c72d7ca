package com.clbsync.kube;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.clbsync.model.ServicePort;
import com.clbsync.model.SliceEndpoint;
import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointConditions;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1Taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps client-java's models into clb-sync's own values: the only place the core's inputs meet client-java. */
public final class KubeMapper {
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    private static final String LB_ANNOTATIONS = "service.beta.kubernetes.io/";

    private KubeMapper() {
    }

    /** The namespace whose UID tells which cluster an API server answers for (as the CCM's cluster-info does). */
    public static final String IDENTITY_NAMESPACE = "kube-system";

    public static KubeService service(V1Service s) {
        V1ObjectMeta meta = s.getMetadata();
        List<ServicePort> ports = new ArrayList<>();
        boolean local = false;
        String lbClass = "";
        if (s.getSpec() != null) {
            local = "Local".equals(s.getSpec().getExternalTrafficPolicy());
            lbClass = s.getSpec().getLoadBalancerClass();
            for (V1ServicePort p : nonNull(s.getSpec().getPorts())) {
                ports.add(ServicePort.of(p.getName(), p.getPort() == null ? 0 : p.getPort(), p.getNodePort(),
                        p.getTargetPort() == null ? null : p.getTargetPort().toString()).withProtocol(p.getProtocol()));
            }
        }
        return KubeService.of(meta.getNamespace(), meta.getName(), lbAnnotations(meta.getAnnotations()), local, ports)
                .withUid(meta.getUid()).withLoadBalancerClass(lbClass);
    }

    /**
     * The annotations clb-sync reads (all under {@code service.beta.kubernetes.io/}): a warm instance keeps
     * thousands of Services, and {@code kubectl.kubernetes.io/last-applied-configuration} alone is often
     * the largest part of one.
     */
    static Map<String, String> lbAnnotations(Map<String, String> all) {
        if (all == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(LB_ANNOTATIONS)) {
                out.put(k, v);
            }
        });
        return out;
    }

    public static KubeEndpointSlice slice(V1EndpointSlice s) {
        V1ObjectMeta meta = s.getMetadata();
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
        List<SliceEndpoint> endpoints = new ArrayList<>();
        for (V1Endpoint e : nonNull(s.getEndpoints())) {
            if (e.getAddresses() == null || e.getAddresses().isEmpty()) {
                continue;
            }
            V1EndpointConditions c = e.getConditions();
            // a nil "ready" is to be read as ready (discovery.k8s.io/v1)
            boolean ready = c == null || c.getReady() == null || c.getReady();
            // a nil "serving" is to be read as the "ready" condition
            boolean serving = c == null || c.getServing() == null ? ready : c.getServing();
            boolean terminating = c != null && Boolean.TRUE.equals(c.getTerminating());
            endpoints.add(SliceEndpoint.of(e.getAddresses().get(0), ready, serving, terminating, e.getNodeName()));
        }
        Map<String, Integer> ports = new HashMap<>();
        nonNull(s.getPorts()).forEach(p -> ports.put(p.getName() == null ? "" : p.getName(),
                p.getPort() == null ? 0 : p.getPort()));
        return KubeEndpointSlice.of(meta.getNamespace(), meta.getName(), labels.get(SERVICE_NAME_LABEL), endpoints)
                .withPorts(ports).withAddressType(s.getAddressType());
    }

    public static KubeNode node(V1Node n) {
        V1ObjectMeta meta = n.getMetadata();
        boolean ready = false;
        if (n.getStatus() != null) {
            for (V1NodeCondition c : nonNull(n.getStatus().getConditions())) {
                if ("Ready".equals(c.getType())) {
                    ready = "True".equals(c.getStatus());
                }
            }
        }
        String providerId = n.getSpec() == null ? null : n.getSpec().getProviderID();
        boolean unschedulable = n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable());
        Set<String> taints = n.getSpec() == null ? Set.of()
                : nonNull(n.getSpec().getTaints()).stream().map(V1Taint::getKey).collect(Collectors.toSet());
        return KubeNode.of(meta.getName(), providerId, meta.getLabels(), ready, unschedulable, taints);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
