package com.clbsync.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the cluster an entry's API server answers for is the cluster whose backends the entry owns:
 * a copied address, a kubeconfig's other context or a staging cluster running the same manifests must
 * not remove the real cluster's backends and add its own nodes instead.
 *
 * <p>With a pinned identity the answer is certain: the read identity is the pin or it is not. Without
 * one, the groups tell: when they hold backends this entry has written (its name, bare or with any
 * cluster's tag, or its configured owner id), and none of them is the cluster's that answered (its tag,
 * or on one of its nodes or pods' ENIs), then the API server answers for another cluster, or another
 * deployment's entry has the same name; either way nothing moves until someone says which (a pin).
 */
public final class ClusterRecognition {
    private ClusterRecognition() {
    }

    /**
     * Why this cluster must not be acted on, or empty when it is recognised.
     *
     * @param claim    what the cluster would own if recognised (not held)
     * @param identity the kube-system UID its API server answered with
     * @param pin      the identity its entry is pinned to, if any
     * @param groups   every described group's backends, by group id
     */
    public static Optional<String> refusal(OwnerClaim claim, String identity, Optional<String> pin,
                                           Map<String, List<Backend>> groups) {
        if (pin.isPresent()) {
            return pin.get().equalsIgnoreCase(identity) ? Optional.empty()
                    : Optional.of("its API server answers for the cluster whose kube-system namespace has UID " + identity
                    + ", but the entry is pinned to " + pin.get() + ": another cluster; nothing is changed for it. If the"
                    + " cluster was rebuilt on purpose, pin the new identity");
        }
        int carried = 0;
        Set<String> where = new TreeSet<>();
        Set<String> segments = new TreeSet<>();
        for (Map.Entry<String, List<Backend>> g : groups.entrySet()) {
            for (Backend b : g.getValue()) {
                Optional<String> segment = BackendDescription.ownerOf(b.description());
                if (b.type() == BackendType.OTHER || segment.isEmpty() || !claim.carries(segment.get())) {
                    continue;
                }
                if (claim.isOfThisCluster(b, segment.get())) {
                    return Optional.empty(); // the groups hold backends of the cluster that answered
                }
                carried++;
                where.add(g.getKey());
                segments.add(segment.get());
            }
        }
        if (carried == 0) {
            return Optional.empty(); // nothing of this entry's yet: nothing to mistake
        }
        return Optional.of("its API server answers for the cluster whose kube-system namespace has UID " + identity
                + ", but none of the " + carried + " backend(s) written for this entry (owner " + String.join(", ", segments)
                + ") in " + String.join(", ", where) + " is that cluster's: is the address, or the kubeconfig's context,"
                + " another cluster's? Nothing is changed for it. Confirm with `clb-sync check` (it prints the identity"
                + " of each cluster), then pin the entry (identity: <UID>) to the right cluster");
    }
}
