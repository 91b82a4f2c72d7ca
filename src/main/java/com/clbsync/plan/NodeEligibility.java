package com.clbsync.plan;

import com.clbsync.model.KubeNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CCM's rules for which nodes may be backends of a Service. */
public final class NodeEligibility {
    static final String MASTER_LABEL = "node-role.kubernetes.io/master";
    static final String AUTOSCALER_TAINT = "ToBeDeletedByClusterAutoscaler";
    static final List<String> EXCLUDE_LABELS = List.of(
            "node.kubernetes.io/exclude-from-external-load-balancers",
            "alpha.service-controller.kubernetes.io/exclude-balancer",
            "service.beta.kubernetes.io/exclude-node",
            "service.alibabacloud.com/exclude-node");

    private NodeEligibility() {
    }

    /** Why the node may not serve this Service, or empty when it may. */
    public static Optional<String> whyNot(KubeNode node, ServiceLbSpec spec) {
        Optional<String> any = whyNotAny(node);
        return any.isPresent() ? any : whyNotFor(node, spec);
    }

    /** Why the node may serve no Service at all (not Ready, or excluded), or empty when it may serve some. */
    public static Optional<String> whyNotAny(KubeNode node) {
        return node.ready() ? excluded(node) : Optional.of("not Ready");
    }

    /**
     * The rules of this Service alone ({@code remove-unscheduled-backend}, {@code backend-label}), for a node
     * that {@link #whyNotAny} admits: a run checks those once per node, and these per Service.
     */
    public static Optional<String> whyNotFor(KubeNode node, ServiceLbSpec spec) {
        if (node.unschedulable() && spec.removeUnscheduled()) {
            return Optional.of("cordoned, and remove-unscheduled-backend is on");
        }
        for (Map.Entry<String, String> want : spec.backendLabels().entrySet()) {
            if (!want.getValue().equals(node.labels().get(want.getKey()))) {
                return Optional.of("lacks backend label " + want.getKey() + "=" + want.getValue());
            }
        }
        return Optional.empty();
    }

    /** Why the node serves no Service of its cluster whatever its readiness, or empty when it may serve. */
    public static Optional<String> excluded(KubeNode node) {
        if (node.labels().containsKey(MASTER_LABEL)) {
            return Optional.of("master node");
        }
        if (node.taintKeys().contains(AUTOSCALER_TAINT)) {
            return Optional.of("being deleted by the cluster autoscaler");
        }
        for (String label : EXCLUDE_LABELS) {
            if (node.labels().containsKey(label)) {
                return Optional.of("excluded by label " + label);
            }
        }
        if (node.providerId().startsWith("ack-hybrid://")) {
            return Optional.of("hybrid-cloud node");
        }
        if (InstanceIds.fromProviderId(node.providerId()).isEmpty()) {
            return Optional.of("spec.providerID is not <region>.<ECS instance id>");
        }
        return Optional.empty();
    }
}
