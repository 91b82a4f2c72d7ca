package com.clbsync.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CCM's weight arithmetic, each Service on its own (integer division throughout):
 * no {@code ...-weight}: the default weight per backend (Local: the pods on the node);
 * weight 0: every backend 0; Cluster: {@code max(1, w / backends)}; Local:
 * {@code max(1, w * podsOnNode / totalPods)}. Unlike the CCM, every weight is clamped to 100.
 */
public final class CcmWeights implements WeightPolicy {

    @Override
    public Weighing weigh(List<ServiceTarget> targets, HeldWeights held) {
        Map<ServiceRef, List<Backend>> out = new LinkedHashMap<>();
        for (ServiceTarget t : targets) {
            List<Backend> backends = new ArrayList<>();
            for (Backend b : weigh(t)) {
                backends.add(held.holds(b.key()) ? b.withWeight(held.weightOf(b.key())) : b);
            }
            out.put(t.service(), backends);
        }
        double intended = targets.stream().filter(t -> t.weight() != null).mapToInt(ServiceTarget::weight).sum();
        return Weighing.of(out, Weighing.shares(targets, out, held,
                t -> t.weight() == null ? null : intended == 0 ? 0.0 : t.weight() / intended), List.of());
    }

    /** The weighted backends of one Service. */
    public static List<Backend> weigh(ServiceTarget t) {
        int backends = t.podsByBackend().size();
        int totalPods = t.podsByBackend().values().stream().mapToInt(Integer::intValue).sum();
        List<Backend> out = new ArrayList<>(backends);
        for (Map.Entry<BackendKey, Integer> e : t.podsByBackend().entrySet()) {
            out.add(t.backend(e.getKey(), weight(t, e.getValue(), backends, totalPods)));
        }
        return out;
    }

    static int weight(ServiceTarget t, int podsOnBackend, int backends, int totalPods) {
        Integer w = t.weight();
        int raw;
        if (w == null) {
            raw = t.local() ? podsOnBackend : t.defaultWeight();
        } else if (w == 0) {
            raw = 0;
        } else if (t.local()) {
            raw = totalPods == 0 ? 0 : Math.max(1, (int) ((long) w * podsOnBackend / totalPods));
        } else {
            raw = Math.max(1, w / backends);
        }
        return Math.min(100, raw);
    }
}
