package com.clbsync.kube;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.clbsync.model.ServicePort;
import com.clbsync.model.SliceEndpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Kubernetes objects, as plain maps (an API server's JSON as it streams in, a manifest's YAML), into
 * clb-sync's own values: the one place the core's inputs meet the Kubernetes object schema. Reading the
 * few fields clb-sync uses straight from the JSON spares client-java's generated models (loading them,
 * and their adapters, took about a fifth of a cold start).
 */
public final class KubeObjects {
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    /** The namespace whose UID tells which cluster an API server answers for (as the CCM's cluster-info does). */
    public static final String IDENTITY_NAMESPACE = "kube-system";
    private static final String LB_ANNOTATIONS = "service.beta.kubernetes.io/";

    private KubeObjects() {
    }

    public static KubeService service(Map<?, ?> o) {
        Map<?, ?> meta = map(o, "metadata");
        Map<?, ?> spec = map(o, "spec");
        List<ServicePort> ports = new ArrayList<>();
        for (Map<?, ?> p : maps(spec, "ports")) {
            ports.add(ServicePort.of(nullable(p, "name"), p.get("port") == null ? 0 : integer(p, "port"),
                    p.get("nodePort") == null ? null : integer(p, "nodePort"), nullable(p, "targetPort"))
                    .withProtocol(nullable(p, "protocol")));
        }
        return KubeService.of(namespace(meta), string(meta, "name"), lbAnnotations(strings(meta, "annotations")),
                "Local".equals(string(spec, "externalTrafficPolicy")), ports)
                .withUid(nullable(meta, "uid")).withLoadBalancerClass(nullable(spec, "loadBalancerClass"));
    }

    /**
     * The annotations clb-sync reads (all under {@code service.beta.kubernetes.io/}): a warm instance keeps
     * thousands of Services, and {@code kubectl.kubernetes.io/last-applied-configuration} alone is often
     * the largest part of one.
     */
    static Map<String, String> lbAnnotations(Map<String, String> all) {
        Map<String, String> out = new HashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(LB_ANNOTATIONS)) {
                out.put(k, v);
            }
        });
        return out;
    }

    public static KubeEndpointSlice slice(Map<?, ?> o) {
        Map<?, ?> meta = map(o, "metadata");
        List<SliceEndpoint> endpoints = new ArrayList<>();
        for (Map<?, ?> e : maps(o, "endpoints")) {
            Object addresses = e.get("addresses");
            if (!(addresses instanceof List) || ((List<?>) addresses).isEmpty()) {
                continue;
            }
            Map<?, ?> c = map(e, "conditions");
            // a nil "ready" is to be read as ready, a nil "serving" as "ready" (discovery.k8s.io/v1)
            boolean ready = c.get("ready") == null || Boolean.TRUE.equals(c.get("ready"));
            boolean serving = c.get("serving") == null ? ready : Boolean.TRUE.equals(c.get("serving"));
            endpoints.add(SliceEndpoint.of(String.valueOf(((List<?>) addresses).get(0)), ready, serving,
                    Boolean.TRUE.equals(c.get("terminating")), nullable(e, "nodeName")));
        }
        Map<String, Integer> ports = new HashMap<>();
        maps(o, "ports").forEach(p -> ports.put(string(p, "name"), p.get("port") == null ? 0 : integer(p, "port")));
        return KubeEndpointSlice.of(namespace(meta), string(meta, "name"), strings(meta, "labels").get(SERVICE_NAME_LABEL),
                endpoints).withPorts(ports).withAddressType(nullable(o, "addressType"));
    }

    public static KubeNode node(Map<?, ?> o) {
        Map<?, ?> meta = map(o, "metadata");
        Map<?, ?> spec = map(o, "spec");
        boolean ready = false;
        for (Map<?, ?> c : maps(map(o, "status"), "conditions")) {
            if ("Ready".equals(string(c, "type"))) {
                ready = "True".equals(string(c, "status"));
            }
        }
        Set<String> taints = new HashSet<>();
        maps(spec, "taints").forEach(t -> taints.add(string(t, "key")));
        return KubeNode.of(string(meta, "name"), nullable(spec, "providerID"), strings(meta, "labels"), ready,
                Boolean.TRUE.equals(spec.get("unschedulable")), taints);
    }

    /** The {@code uid} of an object's metadata, or empty. */
    static String uid(Map<?, ?> o) {
        return string(map(o, "metadata"), "uid");
    }

    private static String namespace(Map<?, ?> meta) {
        String ns = string(meta, "namespace");
        return ns.isEmpty() ? "default" : ns;
    }

    static Map<?, ?> map(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Map ? (Map<?, ?>) v : Map.of();
    }

    private static List<Map<?, ?>> maps(Map<?, ?> m, String key) {
        Object v = m.get(key);
        List<Map<?, ?>> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object item : (List<?>) v) {
                if (item instanceof Map) {
                    out.add((Map<?, ?>) item);
                }
            }
        }
        return out;
    }

    private static Map<String, String> strings(Map<?, ?> m, String key) {
        Map<String, String> out = new HashMap<>();
        map(m, key).forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }

    static String string(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private static String nullable(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static int integer(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Number ? ((Number) v).intValue() : Integer.parseInt(String.valueOf(v));
    }
}
