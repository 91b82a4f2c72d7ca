package com.clbsync.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights across clusters: in a group, each Service with a {@code ...-weight} gets the share
 * {@code weight / sum of weights} of the traffic to those Services' backends, whatever their node
 * counts. Backends of one Service differ by at most 1 (Cluster), or follow the pods on each node
 * (Local). A Service with no serving endpoint in its cluster gets 0 on every backend (they stay
 * attached), so its share flows to the others; weight 0 means the same. Services without the
 * annotation keep the CCM's arithmetic and stay out of the balancing.
 */
public final class GlobalWeights implements WeightPolicy {

    @Override
    public Map<ServiceRef, List<Backend>> weigh(List<ServiceTarget> targets) {
        Map<ServiceRef, List<Backend>> out = new LinkedHashMap<>();
        List<ServiceTarget> balanced = new ArrayList<>();
        for (ServiceTarget t : targets) {
            if (t.weight() == null) {
                out.put(t.service(), CcmWeights.weigh(t));
            } else if (effectiveWeight(t) == 0 || t.podsByBackend().isEmpty()) {
                out.put(t.service(), spread(t, 0));
            } else {
                balanced.add(t);
            }
        }
        if (!balanced.isEmpty()) {
            int k = balanced.size();
            double sum = balanced.stream().mapToInt(GlobalWeights::effectiveWeight).sum();
            double[] shares = new double[k];
            int[] caps = new int[k];
            int[] backends = new int[k];
            for (int i = 0; i < k; i++) {
                ServiceTarget t = balanced.get(i);
                shares[i] = effectiveWeight(t) / sum;
                caps[i] = cap(t);
                backends[i] = t.podsByBackend().size();
            }
            int[] totals = ShareSolver.totals(shares, caps, backends);
            for (int i = 0; i < k; i++) {
                out.put(balanced.get(i).service(), spread(balanced.get(i), totals[i]));
            }
        }
        return out;
    }

    @Override
    public int intendedWeight(ServiceTarget t) {
        return t.weight() == null ? 0 : effectiveWeight(t);
    }

    @Override
    public List<String> warnings(List<ServiceTarget> targets) {
        boolean some = targets.stream().anyMatch(t -> t.weight() != null);
        boolean others = targets.stream().anyMatch(t -> t.weight() == null);
        if (some && others) {
            return List.of("the group mixes Services with and without the weight annotation: those without keep the"
                    + " CCM's default weights and are left out of the balancing");
        }
        return List.of();
    }

    /** The annotation's weight, or 0 when nothing serves the Service in its cluster (failover). */
    public static int effectiveWeight(ServiceTarget t) {
        if (t.weight() == null) {
            throw new IllegalArgumentException(t.service() + " has no weight annotation");
        }
        return t.servingEndpoints() == 0 ? 0 : t.weight();
    }

    /** The largest total a Service can carry with no backend above 100. */
    static int cap(ServiceTarget t) {
        if (!t.local()) {
            return 100 * t.podsByBackend().size();
        }
        int pods = t.podsByBackend().values().stream().mapToInt(Integer::intValue).sum();
        int most = t.podsByBackend().values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return (int) Math.min(100L * t.podsByBackend().size(), 100L * pods / Math.max(1, most));
    }

    /** Splits a Service's total over its backends: evenly (Cluster), or by pods on each node (Local). */
    static List<Backend> spread(ServiceTarget t, int total) {
        List<BackendKey> keys = new ArrayList<>(t.podsByBackend().keySet());
        int n = keys.size();
        double[] parts = new double[n];
        int[] caps = new int[n];
        int pods = t.podsByBackend().values().stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < n; i++) {
            parts[i] = t.local() && pods > 0 ? (double) t.podsByBackend().get(keys.get(i)) / pods : 1.0 / n;
            caps[i] = 100;
        }
        int[] weights = new int[n];
        ShareSolver.apportion(total, parts, caps, weights);
        List<Backend> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(t.backend(keys.get(i), weights[i]));
        }
        return out;
    }
}
