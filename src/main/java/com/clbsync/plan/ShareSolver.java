package com.clbsync.plan;

/**
 * Chooses each Service's total weight so that the traffic shares match the wanted shares as closely
 * as integers allow: for each grand total S, the largest-remainder apportionment of S under each
 * Service's cap, scored by its worst share error. Among totals near-equal to the best (within 0.05
 * percentage points, and never past 0.5 when the best is within it) it takes the largest ones (finer
 * weights), and of those the one with the fewest zero-weight backends; but it leaves room: when a
 * total at which no Service's backends average more than {@value #ROOM} does as well, with no more
 * zero-weight backends, that one is taken, so that a Service can still double its weights while
 * another's are frozen (a cluster that cannot be read and shrinks the other cannot be followed else).
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
    /** The average backend weight a Service is kept under when that costs nothing (room to double it). */
    static final int ROOM = 50;

    private ShareSolver() {
    }

    /**
     * @param shares   wanted shares, summing to 1
     * @param caps     the largest total each Service can take (100 per backend under Cluster)
     * @param backends each Service's number of backends (a total below it leaves backends at 0)
     * @return each Service's total weight
     */
    public static int[] totals(double[] shares, int[] caps, int[] backends) {
        return totals(shares, new int[shares.length], caps, backends);
    }

    /**
     * The same, around fixed parts: {@code fixed[i]} is weight Service {@code i} already carries and
     * keeps (backends this run may not change); the returned totals come on top of it. A part with
     * share 0 or cap 0 gets nothing more.
     */
    public static int[] totals(double[] shares, int[] fixed, int[] caps, int[] backends) {
        int k = shares.length;
        long capSum = 0;
        long fixedSum = 0;
        double firstCap = Double.MAX_VALUE; // the grand total at which the first Service reaches its cap
        for (int i = 0; i < k; i++) {
            capSum += caps[i] + (long) fixed[i];
            fixedSum += fixed[i];
            if (shares[i] > 0) {
                firstCap = Math.min(firstCap, (caps[i] + (double) fixed[i]) / shares[i]);
            }
        }
        int top = (int) Math.min(Integer.MAX_VALUE - 1, Math.min(capSum, (long) Math.floor(firstCap) + k + 2));
        int bottom = (int) Math.max(1, Math.min(top, fixedSum));
        int[] t = new int[k];
        // The smallest worst error: below the first cap, largest remainder keeps every error under 1/S, so
        // past SCAN totals only the neighbourhood of the first cap can still do better.
        double best = Double.MAX_VALUE;
        for (int s = bottom; s <= top; s = s < bottom + SCAN || s >= top - 2 * k - 4 ? s + 1 : top - 2 * k - 4) {
            best = Math.min(best, error(s, shares, fixed, caps, t));
        }
        double limit = best <= GOOD ? Math.min(best + NEAR, GOOD) : best + 1e-12;
        // The largest acceptable total: finest weights, fewest zero-weight backends; with room if that is as good.
        double roomy = Double.MAX_VALUE; // the grand total at which the first Service's backends average ROOM
        for (int i = 0; i < k; i++) {
            if (shares[i] > 0 && backends[i] > 0) {
                roomy = Math.min(roomy, ((double) ROOM * backends[i] + fixed[i]) / shares[i]);
            }
        }
        Choice full = choose(top, bottom, limit, shares, fixed, caps, backends);
        int roomyTop = (int) Math.min(top, Math.floor(roomy));
        if (roomyTop < top && roomyTop >= bottom) {
            Choice withRoom = choose(roomyTop, bottom, limit, shares, fixed, caps, backends);
            if (withRoom.zeros <= full.zeros) {
                return withRoom.totals;
            }
        }
        return full.totals;
    }

    /** Among the first acceptable totals from {@code top} down, the one with the fewest zero-weight backends. */
    private static Choice choose(int top, int bottom, double limit, double[] shares, int[] fixed, int[] caps, int[] backends) {
        int k = shares.length;
        int[] t = new int[k];
        Choice best = new Choice(new int[k], Integer.MAX_VALUE);
        for (int s = top, seen = 0; s >= bottom && seen < PREFER_WITHIN; s--) {
            if (error(s, shares, fixed, caps, t) > limit) {
                continue;
            }
            int zeros = 0;
            for (int i = 0; i < k; i++) {
                zeros += Math.max(0, backends[i] - t[i]);
            }
            if (zeros < best.zeros) {
                best = new Choice(t.clone(), zeros);
            }
            seen++;
        }
        return best;
    }

    /** Totals and the zero-weight backends they leave. */
    private static final class Choice {
        final int[] totals;
        final int zeros;

        Choice(int[] totals, int zeros) {
            this.totals = totals;
            this.zeros = zeros;
        }
    }

    private static double error(int s, double[] shares, int[] fixed, int[] caps, int[] t) {
        apportion(s, shares, fixed, caps, t);
        return worstError(t, fixed, shares);
    }

    /** The largest worst-case share error of these totals against the wanted shares. */
    public static double worstError(int[] totals, double[] shares) {
        return worstError(totals, new int[totals.length], shares);
    }

    /** The same, each Service carrying {@code fixed[i]} besides its total. */
    public static double worstError(int[] totals, int[] fixed, double[] shares) {
        long sum = 0;
        for (int i = 0; i < totals.length; i++) {
            sum += totals[i] + (long) fixed[i];
        }
        double worst = 0;
        for (int i = 0; i < totals.length; i++) {
            double achieved = sum == 0 ? 0 : (double) (totals[i] + (long) fixed[i]) / sum;
            worst = Math.max(worst, Math.abs(achieved - shares[i]));
        }
        return worst;
    }

    /** Largest-remainder apportionment of {@code s} by {@code shares}, each part at most its cap; into {@code out}. */
    static void apportion(int s, double[] shares, int[] caps, int[] out) {
        apportion(s, shares, new int[shares.length], caps, out);
    }

    /**
     * The same around fixed parts: part {@code i} should reach {@code s * shares[i]} with its fixed
     * weight included. A part whose fixed weight is already past that gets nothing, so the grand total
     * may end below {@code s}.
     */
    static void apportion(int s, double[] shares, int[] fixed, int[] caps, int[] out) {
        int k = shares.length;
        long given = 0;
        double[] remainder = new double[k];
        boolean[] open = new boolean[k];
        for (int i = 0; i < k; i++) {
            double exact = s * shares[i] - fixed[i];
            out[i] = (int) Math.min(caps[i], Math.max(0, Math.floor(exact)));
            remainder[i] = exact - out[i];
            open[i] = exact >= 0 && out[i] < caps[i];
            given += out[i] + (long) fixed[i];
        }
        long left = s - given;
        while (left > 0) {
            int pick = -1;
            for (int i = 0; i < k; i++) {
                if (open[i] && (pick < 0 || remainder[i] > remainder[pick])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                return; // every part at its cap, or past its share already
            }
            out[pick]++;
            remainder[pick]--;
            open[pick] = out[pick] < caps[pick];
            left--;
        }
    }
}
