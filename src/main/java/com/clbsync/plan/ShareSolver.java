package com.clbsync.plan;

/**
 * Chooses each Service's total weight so that the traffic shares match the wanted shares as closely
 * as integers allow: for each grand total S, the largest-remainder apportionment of S under each
 * Service's cap, scored by its worst share error. Among totals near-equal to the best (within 0.05
 * percentage points, and never past 0.5 when the best is within it) it takes the largest ones (finer
 * weights), and of those the one with the fewest zero-weight backends.
 */
public final class ShareSolver {
    /** Errors this close count as equal. */
    static final double NEAR = 0.0005;
    /** The error the tie-break may never push a result past, when the best is within it. */
    static final double GOOD = 0.005;
    /** Totals scanned one by one for the smallest error; above it, errors are under 1/SCAN anyway. */
    static final int SCAN = 5000;
    /** Among acceptable totals, the largest few are compared for zero-weight backends. */
    static final int PREFER_WITHIN = 64;

    private ShareSolver() {
    }

    /**
     * @param shares   wanted shares, positive, summing to 1
     * @param caps     the largest total each Service can take (100 per backend under Cluster)
     * @param backends each Service's number of backends (a total below it leaves backends at 0)
     * @return each Service's total weight
     */
    public static int[] totals(double[] shares, int[] caps, int[] backends) {
        int k = shares.length;
        long capSum = 0;
        double firstCap = Double.MAX_VALUE; // the grand total at which the first Service reaches its cap
        for (int i = 0; i < k; i++) {
            capSum += caps[i];
            firstCap = Math.min(firstCap, caps[i] / shares[i]);
        }
        int top = (int) Math.min(capSum, (long) Math.floor(firstCap) + k + 2);
        int[] t = new int[k];
        // The smallest worst error: below the first cap, largest remainder keeps every error under 1/S, so
        // past SCAN totals only the neighbourhood of the first cap can still do better.
        double best = Double.MAX_VALUE;
        for (int s = 1; s <= top; s = s < SCAN || s >= top - 2 * k - 4 ? s + 1 : top - 2 * k - 4) {
            best = Math.min(best, error(s, shares, caps, t));
        }
        double limit = best <= GOOD ? Math.min(best + NEAR, GOOD) : best + 1e-12;
        // The largest acceptable total: finest weights, fewest zero-weight backends.
        int[] chosen = new int[k];
        int fewestZeros = Integer.MAX_VALUE;
        for (int s = top, seen = 0; s >= 1 && seen < PREFER_WITHIN; s--) {
            if (error(s, shares, caps, t) > limit) {
                continue;
            }
            int zeros = 0;
            for (int i = 0; i < k; i++) {
                zeros += Math.max(0, backends[i] - t[i]);
            }
            if (zeros < fewestZeros) {
                fewestZeros = zeros;
                System.arraycopy(t, 0, chosen, 0, k);
            }
            seen++;
        }
        return chosen;
    }

    private static double error(int s, double[] shares, int[] caps, int[] t) {
        apportion(s, shares, caps, t);
        return worstError(t, shares);
    }

    /** The largest worst-case share error of these totals against the wanted shares. */
    public static double worstError(int[] totals, double[] shares) {
        long sum = 0;
        for (int x : totals) {
            sum += x;
        }
        double worst = 0;
        for (int i = 0; i < totals.length; i++) {
            double achieved = sum == 0 ? 0 : (double) totals[i] / sum;
            worst = Math.max(worst, Math.abs(achieved - shares[i]));
        }
        return worst;
    }

    /** Largest-remainder apportionment of {@code s} by {@code shares}, each part at most its cap; into {@code out}. */
    static void apportion(int s, double[] shares, int[] caps, int[] out) {
        int k = shares.length;
        int given = 0;
        double[] remainder = new double[k];
        for (int i = 0; i < k; i++) {
            double exact = s * shares[i];
            out[i] = Math.min(caps[i], (int) Math.floor(exact));
            remainder[i] = out[i] == caps[i] ? -1 : exact - out[i];
            given += out[i];
        }
        int left = s - given;
        while (left > 0) {
            int pick = -1;
            for (int i = 0; i < k; i++) {
                if (out[i] < caps[i] && (pick < 0 || remainder[i] > remainder[pick])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                return; // every part at its cap
            }
            out[pick]++;
            remainder[pick] = out[pick] == caps[pick] ? -1 : remainder[pick] - 1;
            left--;
        }
    }
}
