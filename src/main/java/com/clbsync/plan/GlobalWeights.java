package com.clbsync.plan;

import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>What the run may not change ({@link HeldWeights}) stays in the traffic at its current weight:
 * held backends of a Service count towards that Service's share, and held backends of no Service in
 * the group (a frozen cluster's, a frozen Service's) keep the share they have now, judged from the
 * CLB, while the others are solved around them. So a failure never moves traffic.
 *
 * <p>With a ramp ({@link Ramping}) the shares move towards the wanted ones in steps from what the group
 * holds; retired owners' backends are part of that traffic, wanted at 0.
 */
public final class GlobalWeights implements WeightPolicy {
    /** Shares further than this from the wanted ones (0.5 points) are reported. */
    static final double REPORT_ERROR = 0.005;

    @Override
    public Weighing weigh(List<ServiceTarget> targets, HeldWeights held) {
        return weigh(targets, held, RampGate.off());
    }

    @Override
    public Weighing weigh(List<ServiceTarget> targets, HeldWeights held, RampGate gate) {
        Map<ServiceRef, List<Backend>> out = new LinkedHashMap<>();
        List<ServiceTarget> balanced = new ArrayList<>();
        for (ServiceTarget t : targets) {
            if (t.weight() == null) {
                List<Backend> ccm = new ArrayList<>();
                CcmWeights.weigh(t).forEach(b -> ccm.add(held.holds(b.key()) ? b.withWeight(held.weightOf(b.key())) : b));
                out.put(t.service(), ccm);
            } else {
                balanced.add(t);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!balanced.isEmpty() && balanced.size() < targets.size()) {
            notes.add("the group mixes Services with and without the weight annotation: those without keep the"
                    + " CCM's default weights and are left out of the balancing");
        }
        if (balanced.isEmpty()) {
            return Weighing.of(out, Weighing.shares(targets, out, held, t -> null), notes);
        }
        Ramping.Result ramped = Ramping.weigh(balanced, held, gate, this);
        Solved solved = ramped.solved;
        out.putAll(solved.backends);
        notes.addAll(solved.notes);
        notes.addAll(ramped.notes);
        Map<ServiceRef, Double> wanted = new HashMap<>();
        Map<ServiceRef, Double> fractions = wantedFractions(balanced);
        fractions.forEach((s, f) -> wanted.put(s, (1 - solved.frozenShare) * f));
        long retired = solved.retired.stream().mapToLong(Backend::weight).sum();
        return Weighing.of(out, Weighing.shares(targets, out, held, t -> wanted.get(t.service()), retired), notes,
                solved.retired, ramped.ramps, ramped.stepped);
    }

    /** Each balanced Service's wanted fraction of the balanced traffic: its effective weight over theirs (0s when all are 0). */
    static Map<ServiceRef, Double> wantedFractions(List<ServiceTarget> balanced) {
        long weights = balanced.stream().mapToLong(GlobalWeights::effectiveWeight).sum();
        Map<ServiceRef, Double> out = new LinkedHashMap<>();
        balanced.forEach(t -> out.put(t.service(), weights == 0 ? 0 : (double) effectiveWeight(t) / weights));
        return out;
    }

    /** Weights solved for shares: what one set of fractions gives. */
    static final class Solved {
        final Map<ServiceRef, List<Backend>> backends;
        /** Retired owners' backends kept, at their new weights. */
        final List<Backend> retired;
        final List<String> notes;
        /** The share of the traffic the frozen part keeps. */
        final double frozenShare;

        Solved(Map<ServiceRef, List<Backend>> backends, List<Backend> retired, List<String> notes, double frozenShare) {
            this.backends = backends;
            this.retired = retired;
            this.notes = notes;
            this.frozenShare = frozenShare;
        }
    }

    /**
     * Weights for these fractions of the traffic that is not frozen: each balanced Service's, and the
     * retired owners' backends' together ({@code retiredFraction}; 0: they all leave), around what is held.
     */
    Solved solve(List<ServiceTarget> balanced, HeldWeights held, Map<ServiceRef, Double> fractions, double retiredFraction) {
        List<Backend> retiring = retiredFraction > 0 ? held.retired() : List.of();
        double wantedSum = fractions.values().stream().mapToDouble(Double::doubleValue).sum() + (retiring.isEmpty() ? 0 : retiredFraction);
        long frozen = held.unattributed();
        long current = balanced.stream().mapToLong(t -> held.currentOf(t.service())).sum() + held.retiredWeight();
        // the frozen part keeps the share it has now; with nothing else to compare it to, all of it
        double frozenShare = frozen == 0 ? 0 : wantedSum == 0 || current == 0 ? 1 : (double) frozen / (frozen + current);
        int k = balanced.size();
        int r = retiring.isEmpty() ? k : k + 1;
        int n = r + (frozen > 0 ? 1 : 0);
        double[] shares = new double[n];
        int[] fixed = new int[n];
        int[] caps = new int[n];
        int[] backends = new int[n];
        List<List<BackendKey>> free = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ServiceTarget t = balanced.get(i);
            List<BackendKey> keys = new ArrayList<>();
            t.podsByBackend().keySet().stream().filter(key -> !held.holds(key)).forEach(keys::add);
            free.add(keys);
            shares[i] = (1 - frozenShare) * fractions.getOrDefault(t.service(), 0.0);
            fixed[i] = (int) Math.min(Integer.MAX_VALUE, held.heldOf(t.service()));
            caps[i] = shares[i] == 0 ? 0 : cap(t, keys);
            backends[i] = keys.size();
        }
        if (r > k) {
            shares[k] = (1 - frozenShare) * retiredFraction;
            caps[k] = 100 * retiring.size();
            backends[k] = retiring.size();
        }
        if (frozen > 0) {
            shares[r] = frozenShare;
            fixed[r] = (int) Math.min(Integer.MAX_VALUE, frozen);
        }
        boolean anyWanted = wantedSum > 0;
        int[] totals = anyWanted ? ShareSolver.totals(shares, fixed, caps, backends) : new int[n];
        Map<ServiceRef, List<Backend>> out = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            ServiceTarget t = balanced.get(i);
            List<Backend> weighted = new ArrayList<>(spread(t, free.get(i), totals[i]));
            t.podsByBackend().keySet().stream().filter(held::holds)
                    .forEach(key -> weighted.add(t.backend(key, held.weightOf(key))));
            out.put(t.service(), weighted);
        }
        List<Backend> retired = r > k ? spread(retiring, totals[k]) : List.of();
        List<String> notes = new ArrayList<>();
        if (frozen > 0) {
            notes.add(current == 0 && anyWanted
                    ? "backends this run may not change (a frozen cluster's or Service's) carry all of the weighted"
                    + " traffic, and the other Services have none yet: their new backends get weight 0 until the"
                    + " frozen part can be read again"
                    : String.format("backends this run may not change (a frozen cluster's or Service's) carry %.1f%% of"
                    + " the weighted traffic now; they keep it, and the other Services are weighed around them",
                    100 * frozenShare));
        }
        double error = ShareSolver.worstError(totals, fixed, shares);
        if (anyWanted && error > REPORT_ERROR) {
            notes.add(String.format("no integer weights come within 0.5 points of the wanted shares around the backends"
                    + " held as they are; the closest, used, are %.2f points off", 100 * error));
        }
        return new Solved(out, retired, notes, frozenShare);
    }

    /** The annotation's weight, or 0 when nothing serves the Service in its cluster (failover). */
    public static int effectiveWeight(ServiceTarget t) {
        if (t.weight() == null) {
            throw new IllegalArgumentException(t.service() + " has no weight annotation");
        }
        return nothingServes(t) ? 0 : t.weight();
    }

    /** Whether nothing serves the Service in its cluster (failover): its share goes to 0 at once, whatever a ramp. */
    static boolean nothingServes(ServiceTarget t) {
        return t.servingEndpoints() == 0 || t.podsByBackend().isEmpty();
    }

    /** The largest total these backends of a Service can carry with none above 100. */
    static int cap(ServiceTarget t, List<BackendKey> keys) {
        if (!t.local()) {
            return 100 * keys.size();
        }
        int pods = keys.stream().mapToInt(t.podsByBackend()::get).sum();
        int most = keys.stream().mapToInt(t.podsByBackend()::get).max().orElse(1);
        return (int) Math.min(100L * keys.size(), 100L * pods / Math.max(1, most));
    }

    /** Splits a total evenly over retired owners' backends (at most 100 each). */
    private static List<Backend> spread(List<Backend> retiring, int total) {
        int n = retiring.size();
        double[] parts = new double[n];
        int[] caps = new int[n];
        java.util.Arrays.fill(parts, 1.0 / n);
        java.util.Arrays.fill(caps, 100);
        int[] weights = new int[n];
        ShareSolver.apportion(total, parts, new int[n], caps, weights);
        List<Backend> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(retiring.get(i).withWeight(weights[i]));
        }
        return out;
    }

    /** Splits a total over these backends of a Service: evenly (Cluster), or by pods on each node (Local). */
    static List<Backend> spread(ServiceTarget t, List<BackendKey> keys, int total) {
        int n = keys.size();
        double[] parts = new double[n];
        int[] caps = new int[n];
        int pods = keys.stream().mapToInt(t.podsByBackend()::get).sum();
        for (int i = 0; i < n; i++) {
            parts[i] = t.local() && pods > 0 ? (double) t.podsByBackend().get(keys.get(i)) / pods : 1.0 / n;
            caps[i] = 100;
        }
        int[] weights = new int[n];
        ShareSolver.apportion(total, parts, new int[n], caps, weights);
        List<Backend> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(t.backend(keys.get(i), weights[i]));
        }
        return out;
    }
}
