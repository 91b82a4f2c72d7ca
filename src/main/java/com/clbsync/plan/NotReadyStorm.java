package com.clbsync.plan;

import com.clbsync.model.KubeNode;
import com.google.auto.value.AutoValue;

import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' own unhealthy-zone rule, applied to readiness: when at least a fraction (default 0.55)
 * of the nodes that could otherwise serve are NotReady or Unknown at once, the cause is more likely
 * the control plane or the network (the API server lost its nodes, a partition, an expired kubelet
 * certificate) than the machines, which may well still serve. Acting on readiness then would remove
 * a whole cluster from its groups, so the cluster's backends are kept as they are instead.
 */
@AutoValue
public abstract class NotReadyStorm {
    public static final double DEFAULT_FRACTION = 0.55;

    public abstract int notReady();
    public abstract int eligible();
    abstract double fraction();

    /** The storm in these nodes, or empty when readiness may be acted on. */
    public static Optional<NotReadyStorm> in(List<KubeNode> nodes, double fraction) {
        int eligible = 0;
        int notReady = 0;
        for (KubeNode n : nodes) {
            if (NodeEligibility.excluded(n).isEmpty()) {
                eligible++;
                notReady += n.ready() ? 0 : 1;
            }
        }
        return eligible > 0 && notReady >= fraction * eligible
                ? Optional.of(new AutoValue_NotReadyStorm(notReady, eligible, fraction)) : Optional.empty();
    }

    @Override public String toString() {
        return String.format("%d of %d nodes that could serve are NotReady or Unknown (at least %.0f%%): readiness is"
                + " not acted on, the cluster's backends and weights are kept as they are", notReady(), eligible(), 100 * fraction());
    }
}
