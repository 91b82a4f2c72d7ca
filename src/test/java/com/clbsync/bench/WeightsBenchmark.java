package com.clbsync.bench;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.CcmWeights;
import com.clbsync.plan.DesiredGroup;
import com.clbsync.plan.Freeze;
import com.clbsync.plan.GlobalWeights;
import com.clbsync.plan.GroupPort;
import com.clbsync.plan.HeldWeights;
import com.clbsync.plan.Ownership;
import com.clbsync.plan.ServiceLbSpec;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceTarget;
import com.clbsync.plan.WeightPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Prints the worst traffic-share error of global mode beside the CCM's arithmetic over node counts
 * 1..200 per cluster, for 2 and 3 clusters and weight sets from 1/99 to 50/50; the same with one
 * cluster frozen at its last weights while another changes its node count; and the time to weigh
 * 1,000 groups.
 *
 * <pre>mvn -q test-compile && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clbsync.bench.WeightsBenchmark</pre>
 */
public final class WeightsBenchmark {
    private static final int[] NODES = {1, 2, 3, 5, 10, 20, 50, 100, 200};
    /** The node counts the first cluster moves to while the last one is frozen: anything, however far. */
    private static final int[] AFTER = {1, 5, 50, 200};
    /** ... or scaled by about 10% either way, as an autoscaler does. */
    private static final IntUnaryOperator[] SCALED = {n -> Math.max(1, n - Math.max(1, n / 10)), n -> n + Math.max(1, n / 10)};
    private static final List<int[]> TWO = List.of(new int[] {1, 99}, new int[] {10, 90}, new int[] {20, 80},
            new int[] {33, 67}, new int[] {50, 50});
    private static final List<int[]> THREE = List.of(new int[] {1, 1, 98}, new int[] {10, 30, 60}, new int[] {20, 30, 50},
            new int[] {33, 33, 34});

    public static void main(String[] args) {
        System.out.println("worst share error over node counts " + java.util.Arrays.toString(NODES) + " per cluster");
        System.out.printf("%-12s %-9s %14s %14s   %s%n", "weights", "clusters", "global (pp)", "ccm (pp)", "ccm's worst case (nodes)");
        TWO.forEach(WeightsBenchmark::row);
        THREE.forEach(WeightsBenchmark::row);
        System.out.println();
        System.out.println("the last cluster frozen at its last weights (unreachable, or a bad annotation): worst share error"
                + " of the whole group");
        for (boolean anySize : new boolean[] {false, true}) {
            System.out.println(anySize ? "while the first cluster moves to " + java.util.Arrays.toString(AFTER) + " nodes"
                    : "while the first cluster scales by about 10% (at least one node) either way");
            System.out.printf("%-12s %-9s %14s %16s %22s %14s%n", "weights", "clusters", "global (pp)", "within 0.5 pp",
                    "frozen part ignored (pp)", "ccm (pp)");
            for (List<int[]> sets : List.of(TWO, THREE)) {
                sets.forEach(w -> frozenRow(w, anySize));
            }
        }
        System.out.println();
        timing();
    }

    private static void row(int[] weights) {
        double worstGlobal = 0;
        double worstCcm = 0;
        String ccmAt = "";
        for (int[] nodes : combinations(weights.length)) {
            List<ServiceTarget> group = group(weights, nodes);
            double g = worstError(group, new GlobalWeights());
            double c = worstError(group, new CcmWeights());
            worstGlobal = Math.max(worstGlobal, g);
            if (c > worstCcm) {
                worstCcm = c;
                ccmAt = java.util.Arrays.toString(nodes);
            }
        }
        System.out.printf("%-12s %-9d %14.2f %14.2f   %s%n", name(weights), weights.length, 100 * worstGlobal, 100 * worstCcm, ccmAt);
    }

    /**
     * The last cluster frozen at the weights its policy last gave it, the first re-sized: the group's
     * worst share error, with the frozen part held in the solver (global), ignored by it (global as it
     * was before frozen parts were held), and under the CCM's arithmetic.
     */
    private static void frozenRow(int[] weights, boolean anySize) {
        int k = weights.length;
        double held = 0;
        double ignored = 0;
        double ccm = 0;
        int cases = 0;
        int close = 0;
        for (int[] nodes : combinations(k)) {
            int[] sizes = anySize ? AFTER : java.util.Arrays.stream(SCALED).mapToInt(f -> f.applyAsInt(nodes[0])).toArray();
            for (int after : sizes) {
                int[] changed = nodes.clone();
                changed[0] = after;
                List<ServiceTarget> readable = group(weights, changed).subList(0, k - 1);
                double error = frozenError(weights, nodes, readable, new GlobalWeights(), true);
                held = Math.max(held, error);
                cases++;
                close += error <= 0.005 ? 1 : 0;
                ignored = Math.max(ignored, frozenError(weights, nodes, readable, new GlobalWeights(), false));
                ccm = Math.max(ccm, frozenError(weights, nodes, readable, new CcmWeights(), true));
            }
        }
        System.out.printf("%-12s %-9d %14.2f %15.1f%% %22.2f %14.2f%n", name(weights), k, 100 * held, 100.0 * close / cases,
                100 * ignored, 100 * ccm);
    }

    private static double frozenError(int[] weights, int[] nodes, List<ServiceTarget> readable, WeightPolicy policy,
                                      boolean holdFrozen) {
        int k = weights.length;
        List<Backend> current = new ArrayList<>();
        policy.weigh(group(weights, nodes)).values().forEach(current::addAll);
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            owners.add("c" + i);
        }
        HeldWeights held = holdFrozen ? HeldWeights.of(current, Ownership.of(owners),
                Freeze.of(List.of("c" + (k - 1)), List.of(), List.of()), readable) : HeldWeights.none();
        Map<ServiceRef, List<Backend>> w = policy.weigh(readable, held).backends();
        double[] totals = new double[k];
        for (int i = 0; i < k - 1; i++) {
            totals[i] = w.get(readable.get(i).service()).stream().mapToLong(Backend::weight).sum();
        }
        totals[k - 1] = current.stream().filter(b -> b.description().endsWith("/c" + (k - 1))).mapToLong(Backend::weight).sum();
        double all = java.util.Arrays.stream(totals).sum();
        double weightSum = java.util.Arrays.stream(weights).sum();
        double worst = 0;
        for (int i = 0; i < k; i++) {
            worst = Math.max(worst, Math.abs((all == 0 ? 0 : totals[i] / all) - weights[i] / weightSum));
        }
        return worst;
    }

    private static String name(int[] weights) {
        StringBuilder name = new StringBuilder();
        for (int w : weights) {
            name.append(name.length() == 0 ? "" : "/").append(w);
        }
        return name.toString();
    }

    private static void timing() {
        Random random = new Random(42);
        List<List<ServiceTarget>> groups = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int k = 2 + random.nextInt(2);
            int[] w = new int[k];
            int[] n = new int[k];
            for (int j = 0; j < k; j++) {
                w[j] = 1 + random.nextInt(100);
                n[j] = 1 + random.nextInt(200);
            }
            groups.add(group(w, n));
        }
        for (WeightPolicy policy : List.of(new GlobalWeights(), new CcmWeights(), new GlobalWeights())) {
            long start = System.nanoTime();
            long backends = 0;
            for (List<ServiceTarget> g : groups) {
                backends += DesiredGroup.of(g, policy).backends().size();
            }
            System.out.printf("1,000 groups (2-3 clusters, 1-200 nodes each, %d backends), %s: %d ms%n", backends,
                    policy.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static List<int[]> combinations(int k) {
        List<int[]> out = new ArrayList<>();
        if (k == 2) {
            for (int a : NODES) {
                for (int b : NODES) {
                    out.add(new int[] {a, b});
                }
            }
        } else {
            for (int a : NODES) {
                for (int b : NODES) {
                    for (int c : NODES) {
                        out.add(new int[] {a, b, c});
                    }
                }
            }
        }
        return out;
    }

    private static List<ServiceTarget> group(int[] weights, int[] nodes) {
        List<ServiceTarget> out = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            String cluster = "c" + i;
            Map<BackendKey, Integer> b = new LinkedHashMap<>();
            for (int j = 0; j < nodes[i]; j++) {
                b.put(BackendKey.ecs("i-" + cluster + "-" + j, 30080), 1);
            }
            ServiceLbSpec spec = ServiceLbSpec.builder("lb").groups(List.of(GroupPort.of("rsp", 80))).weight(weights[i]).build();
            out.add(ServiceTarget.of(ServiceRef.of(cluster, cluster, "default", "web"), spec, "rsp", false,
                    BackendDescription.format(30080, "web", "default", cluster), b, 1));
        }
        return out;
    }

    private static double worstError(List<ServiceTarget> group, WeightPolicy policy) {
        Map<ServiceRef, List<Backend>> w = policy.weigh(group);
        double total = w.values().stream().flatMap(List::stream).mapToLong(Backend::weight).sum();
        double weightSum = group.stream().mapToInt(ServiceTarget::weight).sum();
        double worst = 0;
        for (ServiceTarget t : group) {
            double mine = w.get(t.service()).stream().mapToLong(Backend::weight).sum();
            worst = Math.max(worst, Math.abs(mine / total - t.weight() / weightSum));
        }
        return worst;
    }
}
