package com.clbsync.plan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShareSolverTest {

    private static double[] shares(int... weights) {
        double sum = 0;
        for (int w : weights) {
            sum += w;
        }
        double[] s = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            s[i] = weights[i] / sum;
        }
        return s;
    }

    @Test
    void meetsTwentyEightyOnFiftyAndThreeNodes() {
        // the CCM gives 39/61 here; exact shares are possible
        int[] t = ShareSolver.totals(shares(20, 80), new int[] {5000, 300}, new int[] {50, 3});
        assertThat(ShareSolver.worstError(t, shares(20, 80))).isLessThan(1e-9);
        assertThat(t[1]).isLessThanOrEqualTo(300);
        assertThat(t[0]).as("no zero-weight backend when avoidable").isGreaterThanOrEqualTo(50);
    }

    @Test
    void onePercentOnSixtyNodesAgainstTwoNodes() {
        int[] t = ShareSolver.totals(shares(1, 99), new int[] {6000, 200}, new int[] {60, 2});
        assertThat(ShareSolver.worstError(t, shares(1, 99))).isLessThanOrEqualTo(0.005);
    }

    @Test
    void apportionsByLargestRemainderWithinCaps() {
        int[] out = new int[3];
        ShareSolver.apportion(10, new double[] {0.5, 0.3, 0.2}, new int[] {100, 100, 100}, out);
        assertThat(out).containsExactly(5, 3, 2);
        ShareSolver.apportion(10, new double[] {0.8, 0.1, 0.1}, new int[] {4, 100, 100}, out);
        assertThat(out).containsExactly(4, 3, 3);
        ShareSolver.apportion(7, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, new int[] {100, 100, 100}, out);
        assertThat(out).containsExactly(3, 2, 2);
    }

    /** Exhaustive search over every pair of totals: the best worst-error integers allow. */
    private static double bestPossible(double[] s, int[] caps) {
        double best = Double.MAX_VALUE;
        for (int a = 0; a <= caps[0]; a++) {
            for (int b = 0; b <= caps[1]; b++) {
                if (a + b > 0) {
                    best = Math.min(best, ShareSolver.worstError(new int[] {a, b}, s));
                }
            }
        }
        return best;
    }

    @Property(tries = 300)
    void smallCasesAreAsGoodAsAnExhaustiveSearchAllows(@ForAll @IntRange(min = 1, max = 100) int wa,
                                                       @ForAll @IntRange(min = 1, max = 100) int wb,
                                                       @ForAll @IntRange(min = 1, max = 3) int na,
                                                       @ForAll @IntRange(min = 1, max = 3) int nb) {
        double[] s = shares(wa, wb);
        int[] caps = {100 * na, 100 * nb};
        int[] t = ShareSolver.totals(s, caps, new int[] {na, nb});
        double best = bestPossible(s, caps);
        double got = ShareSolver.worstError(t, s);
        assertThat(got).isLessThanOrEqualTo(best + ShareSolver.NEAR + 1e-12);
        if (best <= ShareSolver.GOOD) {
            assertThat(got).isLessThanOrEqualTo(ShareSolver.GOOD + 1e-12);
        }
        assertThat(t[0]).isBetween(0, caps[0]);
        assertThat(t[1]).isBetween(0, caps[1]);
    }

    @Test
    void solvesAroundAFixedPart() {
        // a frozen 300 must stay 80%: the other Service takes 75
        int[] t = ShareSolver.totals(new double[] {0.2, 0.8}, new int[] {0, 300}, new int[] {6000, 0}, new int[] {60, 0});
        assertThat(t).containsExactly(75, 0);
        assertThat(ShareSolver.worstError(t, new int[] {0, 300}, new double[] {0.2, 0.8})).isLessThan(1e-12);
    }

    @Test
    void aPartWhoseFixedWeightIsPastItsShareGetsNothingMore() {
        int[] out = new int[2];
        ShareSolver.apportion(100, new double[] {0.5, 0.5}, new int[] {80, 0}, new int[] {100, 100}, out);
        assertThat(out).containsExactly(0, 50);
    }
}
