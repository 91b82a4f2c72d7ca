package com.clbsync.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When an owned backend that is no longer wanted may leave its group. One whose instance or pod is gone
 * goes at once (nothing to drain). One that still lives first goes to weight 0, so that the CLB sends
 * it no new connections while open ones finish, and is removed once it has been at 0 for the drain
 * time, counted from the weight 0 a run of this instance made or first saw ({@code zeroSince}). With
 * no drain time every unwanted backend goes at once, as the CCM does.
 */
public final class Drain {
    private static final Drain NONE = new Drain(Duration.ZERO, b -> false, Map.of(), Instant.EPOCH, b -> false);

    /** What to do with one unwanted backend. */
    public enum Step {
        /** Remove it now. */
        REMOVE,
        /** Set its weight to 0 now; remove it later. */
        ZERO,
        /** Leave it at weight 0 until its drain time has passed. */
        WAIT
    }

    private final Duration time;
    private final Predicate<Backend> live;
    private final Map<BackendKey, Instant> zeroSince;
    private final Instant now;
    private final Predicate<Backend> retired;

    private Drain(Duration time, Predicate<Backend> live, Map<BackendKey, Instant> zeroSince, Instant now,
                  Predicate<Backend> retired) {
        this.retired = Objects.requireNonNull(retired, "retired");
        this.time = Objects.requireNonNull(time, "time");
        this.live = Objects.requireNonNull(live, "live");
        this.zeroSince = Map.copyOf(zeroSince);
        this.now = Objects.requireNonNull(now, "now");
    }

    /** No draining: every unwanted backend is removed at once. */
    public static Drain none() {
        return NONE;
    }

    /**
     * @param live      whether the backend's instance (ECS) or pod IP (ENI) still exists
     * @param zeroSince when each of the group's draining backends was first at weight 0, as this instance knows
     */
    public static Drain of(Duration time, Predicate<Backend> live, Map<BackendKey, Instant> zeroSince, Instant now) {
        return new Drain(time, live, zeroSince, now, b -> false);
    }

    /**
     * The same, for backends of retired owners too: they are never live to a run (their cluster is not
     * read), yet may still carry traffic; they always go to weight 0 first, and leave once they have been
     * at 0 for the drain time (with none, in the next run).
     */
    public Drain withRetired(Predicate<Backend> isRetired) {
        return new Drain(time, live, zeroSince, now, isRetired);
    }

    public Step step(Backend unwanted) {
        if (retired.test(unwanted)) {
            return unwanted.weight() > 0 ? Step.ZERO : waited(unwanted) ? Step.REMOVE : Step.WAIT;
        }
        if (time.isZero() || !live.test(unwanted)) {
            return Step.REMOVE;
        }
        if (unwanted.weight() > 0) {
            return Step.ZERO;
        }
        return waited(unwanted) ? Step.REMOVE : Step.WAIT;
    }

    /** Whether this backend at weight 0 has been so for the drain time (always, with none). */
    private boolean waited(Backend atZero) {
        if (time.isZero()) {
            return true;
        }
        Instant since = zeroSince.get(atZero.key());
        return since != null && !now.isBefore(since.plus(time));
    }

    /** The drain time. */
    public Duration time() { return time; }

    @Override public String toString() { return time.isZero() ? "no drain" : "drain " + time.toSeconds() + " s"; }
}
