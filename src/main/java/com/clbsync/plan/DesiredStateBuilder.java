package com.clbsync.plan;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.KubeNode;
import com.clbsync.model.KubeService;
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

/**
 * From the Services, EndpointSlices and Nodes of every readable cluster, the backends each
 * referenced vServer group should hold (before weights), and the Services that must be frozen.
 */
public final class DesiredStateBuilder {

    private DesiredStateBuilder() {
    }

    public static DesiredState build(List<ClusterView> clusters) {
        Map<String, List<ServiceTarget>> byGroup = new TreeMap<>();
        List<FrozenService> frozen = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> live = new HashSet<>();
        for (ClusterView cluster : clusters) {
            Map<String, String> instanceByNode = instances(cluster, warnings);
            live.addAll(instanceByNode.values());
            Map<String, List<KubeEndpointSlice>> slicesByService = slicesByService(cluster.snapshot().slices());
            for (KubeService svc : cluster.snapshot().services()) {
                ServiceRef ref = ServiceRef.of(cluster.name(), cluster.ownerId(), svc.namespace(), svc.name());
                Optional<ServiceLbSpec> spec;
                try {
                    spec = LbAnnotations.parse(svc);
                } catch (AnnotationException e) {
                    frozen.add(FrozenService.of(ref, e.getMessage()));
                    continue;
                }
                if (spec.isEmpty()) {
                    continue;
                }
                if (spec.get().backendType() != BackendType.ECS) {
                    frozen.add(FrozenService.of(ref, LbAnnotations.BACKEND_TYPE + ": \"" + spec.get().backendType()
                            + "\" backends are not supported yet; its backends are left as they are"));
                    continue;
                }
                List<KubeEndpointSlice> slices = slicesByService.getOrDefault(svc.namespace() + "/" + svc.name(), List.of());
                for (GroupPort gp : spec.get().groups()) {
                    Map<String, Integer> pods = servingPodsByNode(slices, LbAnnotations.portOf(svc, gp.servicePort()));
                    int serving = pods.values().stream().mapToInt(Integer::intValue).sum();
                    ServiceTarget t = target(ref, svc, spec.get(), gp, cluster.snapshot().nodes(), instanceByNode, pods, serving);
                    byGroup.computeIfAbsent(gp.groupId(), g -> new ArrayList<>()).add(t);
                }
            }
        }
        return DesiredState.of(byGroup, frozen, warnings).withLiveInstances(live);
    }

    private static ServiceTarget target(ServiceRef ref, KubeService svc, ServiceLbSpec spec, GroupPort gp,
                                        List<KubeNode> nodes, Map<String, String> instanceByNode,
                                        Map<String, Integer> podsByNode, int serving) {
        int nodePort = LbAnnotations.portOf(svc, gp.servicePort()).nodePort();
        Map<BackendKey, Integer> backends = new LinkedHashMap<>();
        for (KubeNode node : nodes) {
            String instance = instanceByNode.get(node.name());
            int pods = podsByNode.getOrDefault(node.name(), 0);
            if (instance == null || NodeEligibility.whyNot(node, spec).isPresent()) {
                continue;
            }
            if (svc.localTrafficPolicy() && pods == 0 && serving > 0) {
                continue; // Local: only nodes with a serving pod; with none anywhere, every node is kept at 0 (failover)
            }
            backends.put(BackendKey.ecs(instance, nodePort), pods);
        }
        String description = BackendDescription.format(nodePort, svc.name(), svc.namespace(), ref.ownerId());
        return ServiceTarget.of(ref, spec, gp.groupId(), svc.localTrafficPolicy(), description, backends, serving);
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

    /** The slices of each Service ({@code kubernetes.io/service-name}), by namespace/service. */
    private static Map<String, List<KubeEndpointSlice>> slicesByService(List<KubeEndpointSlice> slices) {
        Map<String, List<KubeEndpointSlice>> out = new HashMap<>();
        for (KubeEndpointSlice slice : slices) {
            if (!slice.serviceName().isEmpty()) {
                out.computeIfAbsent(slice.namespace() + "/" + slice.serviceName(), k -> new ArrayList<>()).add(slice);
            }
        }
        return out;
    }

    /**
     * Node name to the number of serving endpoints there (distinct IPs) for one Service port; endpoints
     * without a node count under "" (no node's, but the Service's total). As the CCM does, a port whose
     * targetPort is a name counts only the slices that carry a port of that name: with named ports
     * that select different pods, each Service port sees its own pods.
     */
    static Map<String, Integer> servingPodsByNode(List<KubeEndpointSlice> slices, ServicePort port) {
        String target = port.targetPort() == null ? "" : port.targetPort();
        boolean named = !target.isEmpty() && !target.chars().allMatch(Character::isDigit);
        Map<String, Set<String>> ips = new HashMap<>();
        for (KubeEndpointSlice slice : slices) {
            if (named && !slice.portNames().contains(target)) {
                continue;
            }
            for (SliceEndpoint ep : slice.endpoints()) {
                if (ep.serving()) {
                    ips.computeIfAbsent(ep.nodeName(), k -> new HashSet<>()).add(ep.ip());
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        ips.forEach((node, set) -> counts.put(node, set.size()));
        return counts;
    }
}
