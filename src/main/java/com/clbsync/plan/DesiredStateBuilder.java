package com.clbsync.plan;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
import com.clbsync.model.ServiceName;
import com.clbsync.model.ServicePort;
import com.clbsync.model.SliceEndpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * From the Services, EndpointSlices and Nodes of every readable cluster, the backends each
 * referenced vServer group should hold (before weights), and the Services that must be frozen.
 * Node Services get their nodes' ECS instances at the node port; ENI Services get their pods, each at
 * its ENI and IP and the target port.
 */
public final class DesiredStateBuilder {

    private DesiredStateBuilder() {
    }

    /** Without ENIs: any ENI Service is frozen, as its backends cannot be known. */
    public static DesiredState build(List<ClusterView> clusters) {
        return build(clusters, EniIds.unavailable("no ENI lookup in this run"));
    }

    /** The pod IPs whose ENI these clusters' ENI Services need: every endpoint of theirs, in any state. */
    public static Set<String> eniAddresses(List<ClusterView> clusters) {
        return eniAddresses(clusters, Access.any());
    }

    /** As {@link #eniAddresses(List)}, leaving out Services {@code access} refuses. */
    public static Set<String> eniAddresses(List<ClusterView> clusters, Access access) {
        Set<String> ips = new TreeSet<>();
        for (ClusterView cluster : clusters) {
            Map<ServiceName, List<KubeEndpointSlice>> slicesByService = slicesByService(cluster.snapshot().slices());
            for (KubeService svc : cluster.snapshot().services()) {
                Optional<ServiceLbSpec> spec;
                try {
                    spec = LbAnnotations.parse(svc, cluster.defaultBackendType());
                } catch (AnnotationException e) {
                    continue;
                }
                if (spec.isPresent() && spec.get().backendType() == BackendType.ENI
                        && access.refusal(cluster.name(), svc.namespace(), spec.get().loadBalancerId()).isEmpty()) {
                    slicesByService.getOrDefault(svc.id(), List.of())
                            .forEach(s -> s.endpoints().forEach(ep -> ips.add(ep.ip())));
                }
            }
        }
        return ips;
    }

    public static DesiredState build(List<ClusterView> clusters, EniIds enis) {
        return build(clusters, enis, Access.any());
    }

    /** As {@link #build(List, EniIds)}; a Service {@code access} does not let use its load balancer is frozen. */
    public static DesiredState build(List<ClusterView> clusters, EniIds enis, Access access) {
        Map<String, List<ServiceTarget>> byGroup = new TreeMap<>();
        List<FrozenService> frozen = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> live = new HashSet<>();
        Set<String> liveIps = new HashSet<>();
        Set<String> held = new TreeSet<>();
        for (ClusterView cluster : clusters) {
            Map<String, String> instanceByNode = instances(cluster, warnings);
            live.addAll(instanceByNode.values());
            // the rules that do not depend on the Service, once per node rather than once per Service and node
            List<KubeNode> servable = new ArrayList<>();
            for (KubeNode node : cluster.snapshot().nodes()) {
                if (instanceByNode.containsKey(node.name()) && NodeEligibility.whyNotAny(node).isEmpty()) {
                    servable.add(node);
                }
            }
            cluster.snapshot().slices().forEach(s -> s.endpoints().forEach(ep -> liveIps.add(ep.ip())));
            Map<ServiceName, List<KubeEndpointSlice>> slicesByService = slicesByService(cluster.snapshot().slices());
            for (KubeService svc : cluster.snapshot().services()) {
                ServiceRef ref = ServiceRef.of(cluster.name(), cluster.ownerId(), svc.namespace(), svc.name());
                Optional<ServiceLbSpec> spec;
                try {
                    spec = LbAnnotations.parse(svc, cluster.defaultBackendType());
                } catch (AnnotationException e) {
                    frozen.add(FrozenService.of(ref, e.getMessage()));
                    continue;
                }
                if (spec.isEmpty()) {
                    continue;
                }
                Optional<String> refused = access.refusal(cluster.name(), svc.namespace(), spec.get().loadBalancerId());
                if (refused.isPresent()) {
                    frozen.add(FrozenService.of(ref, refused.get())); // like a bad annotation: held, never acted on
                    continue;
                }
                boolean eni = spec.get().backendType() == BackendType.ENI;
                if (eni && enis.failure().isPresent()) {
                    frozen.add(FrozenService.of(ref, "the ENIs of its pods are unknown this run; its backends are left as"
                            + " they are", enis.failure().get()));
                    continue;
                }
                List<KubeEndpointSlice> slices = slicesByService.getOrDefault(svc.id(), List.of());
                if (eni && slices.isEmpty()) {
                    warnings.add(ref + ": no EndpointSlice (being re-created?): its backends are kept at weight 0 until"
                            + " its slices return");
                }
                for (GroupPort gp : spec.get().groups()) {
                    ServicePort port = LbAnnotations.portOf(svc, gp.servicePort());
                    ServiceTarget t;
                    if (eni) {
                        EniTarget e = EniTarget.of(slices, port, enis, Set.copyOf(instanceByNode.values()));
                        held.addAll(e.unresolved());
                        if (!e.foreign().isEmpty()) {
                            warnings.add(ref + ": " + e.foreign().size() + " endpoint IP(s) held by an ENI that is not"
                                    + " attached to a node of " + ref.cluster() + " (" + String.join(", ", e.foreign()
                                    .subList(0, Math.min(5, e.foreign().size()))) + (e.foreign().size() > 5 ? ", ..." : "")
                                    + "): never a backend; an EndpointSlice written by hand?");
                        }
                        if (!e.unresolved().isEmpty()) {
                            warnings.add(ref + ": " + e.unresolved().size() + " pod IP(s) without an ENI in use ("
                                    + String.join(", ", e.unresolved().subList(0, Math.min(5, e.unresolved().size())))
                                    + (e.unresolved().size() > 5 ? ", ..." : "") + "): no backend for them this run,"
                                    + " and a backend at such an IP is left as it is");
                        }
                        String description = BackendDescription.format(LbKind.ofGroup(gp.groupId()), e.port(), port.protocol(),
                                svc.name(), svc.namespace(), ref.ownerId());
                        t = ServiceTarget.of(ref, spec.get(), gp.groupId(), false, description, e.serving(),
                                e.serving().size()).withZeroOnly(e.zeroOnly());
                        if (slices.isEmpty()) {
                            t = t.withoutSlices();
                        }
                    } else {
                        t = nodeTarget(ref, svc, spec.get(), gp, servable, instanceByNode, slices, port);
                    }
                    byGroup.computeIfAbsent(gp.groupId(), g -> new ArrayList<>()).add(t);
                }
            }
        }
        return DesiredState.of(byGroup, frozen, warnings).withLive(live, liveIps, held);
    }

    /** @param servable the nodes with an instance id that may serve some Service */
    private static ServiceTarget nodeTarget(ServiceRef ref, KubeService svc, ServiceLbSpec spec, GroupPort gp,
                                            List<KubeNode> servable, Map<String, String> instanceByNode,
                                            List<KubeEndpointSlice> slices, ServicePort port) {
        Map<String, Integer> podsByNode = servingPodsByNode(slices, port);
        int serving = podsByNode.values().stream().mapToInt(Integer::intValue).sum();
        Set<String> drainingNodes = new HashSet<>();
        endpointsOf(slices, port).forEach(ep -> {
            if (ep.draining()) {
                drainingNodes.add(ep.nodeName());
            }
        });
        int nodePort = port.nodePort();
        Map<BackendKey, Integer> backends = new LinkedHashMap<>();
        Set<BackendKey> zeroOnly = new HashSet<>();
        for (KubeNode node : servable) {
            String instance = instanceByNode.get(node.name());
            int pods = podsByNode.getOrDefault(node.name(), 0);
            if (NodeEligibility.whyNotFor(node, spec).isPresent()) {
                continue;
            }
            if (svc.localTrafficPolicy() && pods == 0 && serving > 0) {
                // Local: only nodes with a serving pod (with none anywhere, every node is kept at 0: failover);
                // a node whose pods are all shutting down keeps its backend at 0 until they are gone
                if (drainingNodes.contains(node.name())) {
                    zeroOnly.add(BackendKey.ecs(instance, nodePort));
                }
                continue;
            }
            backends.put(BackendKey.ecs(instance, nodePort), pods);
        }
        String description = BackendDescription.format(LbKind.ofGroup(gp.groupId()), nodePort, port.protocol(), svc.name(),
                svc.namespace(), ref.ownerId());
        return ServiceTarget.of(ref, spec, gp.groupId(), svc.localTrafficPolicy(), description, backends, serving)
                .withZeroOnly(zeroOnly);
    }

    /** Node name to ECS instance id; a node whose providerID does not parse is no backend, with a warning. */
    private static Map<String, String> instances(ClusterView cluster, List<String> warnings) {
        Map<String, String> out = new HashMap<>();
        for (KubeNode node : cluster.snapshot().nodes()) {
            Optional<String> id = InstanceIds.fromProviderId(node.providerId());
            if (id.isPresent()) {
                out.put(node.name(), id.get());
            } else if (!node.providerId().startsWith("ack-hybrid://")) {
                warnings.add(cluster.name() + ": node " + node.name() + ": spec.providerID \"" + node.providerId()
                        + "\" is not <region>.<ECS instance id>; the node is no backend");
            }
        }
        return out;
    }

    /**
     * The IPv4 slices of each Service ({@code kubernetes.io/service-name}): a dual-stack Service lists each
     * pod in an IPv6 slice too, which would count it twice.
     */
    private static Map<ServiceName, List<KubeEndpointSlice>> slicesByService(List<KubeEndpointSlice> slices) {
        Map<ServiceName, List<KubeEndpointSlice>> out = new HashMap<>();
        for (KubeEndpointSlice slice : slices) {
            if (!slice.serviceName().isEmpty() && slice.ipv4()) {
                out.computeIfAbsent(slice.service(), k -> new ArrayList<>()).add(slice);
            }
        }
        return out;
    }

    /**
     * The endpoints that count for one Service port. As the CCM does, a port whose targetPort is a name
     * counts only the slices that carry a port of that name: with named ports that select different
     * pods, each Service port sees its own pods.
     */
    static List<SliceEndpoint> endpointsOf(List<KubeEndpointSlice> slices, ServicePort port) {
        List<SliceEndpoint> out = new ArrayList<>();
        for (KubeEndpointSlice slice : slices) {
            if (TargetPort.of(port).numberIn(slice).isPresent()) {
                out.addAll(slice.endpoints());
            }
        }
        return out;
    }

    /**
     * Node name to the number of serving endpoints there (distinct IPs) for one Service port; endpoints
     * without a node count under "" (no node's, but the Service's total).
     */
    static Map<String, Integer> servingPodsByNode(List<KubeEndpointSlice> slices, ServicePort port) {
        Map<String, Set<String>> ips = new HashMap<>();
        for (SliceEndpoint ep : endpointsOf(slices, port)) {
            if (ep.serving()) {
                ips.computeIfAbsent(ep.nodeName(), k -> new HashSet<>()).add(ep.ip());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        ips.forEach((node, set) -> counts.put(node, set.size()));
        return counts;
    }
}
