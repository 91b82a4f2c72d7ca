package com.clbsync.plan;

/**
 * Chooses each Service's total weight so that the traffic shares match the wanted shares as closely
 * as integers allow: for every possible grand total S, the largest-remainder apportionment of S under
 * each Service's cap; then the S whose worst share error is smallest. Among near-equal ones (within
 * 0.05 percentage points, and never past 0.5 when the best is within it) it prefers fewer zero-weight
 * backends, then larger totals (finer weights).
 */
public final class ShareSolver {
    /** Errors this close count as equal. */
    static final double NEAR = 0.0005;
    /** The error the tie-break may never push a result past, when the best is within it. */
    static final double GOOD = 0.005;

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
        for (int c : caps) {
            capSum += c;
        }
        int[] best = new int[k];
        double bestError = Double.MAX_VALUE;
        int bestZeros = Integer.MAX_VALUE;
        long bestTotal = 0;
        int[] t = new int[k];
        // first pass: the smallest worst error; second pass: the preferred one among near-equal
        double[] errors = new double[(int) capSum + 1];
        for (int s = 1; s <= capSum; s++) {
            apportion(s, shares, caps, t);
            errors[s] = worstError(t, shares);
            bestError = Math.min(bestError, errors[s]);
        }
        double limit = bestError <= GOOD ? Math.min(bestError + NEAR, GOOD) : bestError + 1e-12;
        for (int s = 1; s <= capSum; s++) {
            if (errors[s] > limit) {
                continue;
            }
            apportion(s, shares, caps, t);
            int zeros = 0;
            long total = 0;
            for (int i = 0; i < k; i++) {
                zeros += Math.max(0, backends[i] - t[i]);
                total += t[i];
            }
            if (zeros < bestZeros || (zeros == bestZeros && total > bestTotal)) {
                bestZeros = zeros;
                bestTotal = total;
                System.arraycopy(t, 0, best, 0, k);
            }
        }
        return best;
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
