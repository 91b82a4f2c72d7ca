package com.clbsync.clb;

import com.clbsync.time.Deadline;
import com.clbsync.time.Sleeper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces one run's CLB calls per action, shared by every writer thread of the run: a Resilience4j
 * rate limiter per paced action, one call per interval of its rate (no burst, so no window of the
 * quota's period can see more than its calls). A throttling refusal slows that action by a fifth
 * for the rest of the run, as well as being retried after a backoff.
 */
final class Pacer {
    /** What a throttling refusal leaves of an action's pace. */
    static final double SLOWDOWN = 0.8;
    private final Quotas quotas;
    private final Deadline deadline;
    private final Map<String, Optional<Paced>> limiters = new ConcurrentHashMap<>();
    private final Sleeper waits;

    Pacer(Quotas quotas, Deadline deadline) {
        this(quotas, deadline, Pacer::park);
    }

    /** @param waits how a reserved permit's time is waited out (a test records it instead) */
    Pacer(Quotas quotas, Deadline deadline, Sleeper waits) {
        this.quotas = quotas;
        this.deadline = deadline;
        this.waits = waits;
    }

    /** Waits {@code d} to the nanosecond (a permit's time is short: Thread.sleep's milliseconds would pace too slowly). */
    private static void park(Duration d) {
        for (long until = System.nanoTime() + d.toNanos(), left = d.toNanos(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * Waits until a call of {@code action} may go, leaving at least {@code reserve} before the
     * deadline; false when that is not possible (the call must not be sent).
     */
    boolean await(String action, Duration reserve) {
        Optional<Paced> paced = limiters.computeIfAbsent(action, a -> quotas.paceOf(a).map(Paced::new));
        Duration wait = deadline.remaining().minus(reserve);
        if (wait.isNegative()) {
            return false;
        }
        if (paced.isEmpty()) {
            return true;
        }
        RateLimiter limiter = paced.get().limiter;
        limiter.changeTimeoutDuration(wait);
        long nanos = limiter.reservePermission(); // -1 at once when no permit comes in time: nothing is waited for
        if (nanos < 0) {
            return false;
        }
        if (nanos > 0) {
            try {
                waits.sleep(Duration.ofNanos(nanos)); // the permit is reserved: wait out its time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The CLB refused a call of {@code action} for its rate: slow that action down for the rest of the run. */
    void throttled(String action) {
        limiters.computeIfPresent(action, (a, paced) -> paced.map(p -> {
            Paced slower = new Paced(p.rate.times(SLOWDOWN));
            slower.limiter.drainPermissions(); // the next call waits a whole (longer) interval
            return slower;
        }));
    }

    /** The current pace of an action, if it is paced. */
    Optional<Rate> paceOf(String action) {
        return limiters.getOrDefault(action, quotas.paceOf(action).map(Paced::new)).map(p -> p.rate);
    }

    private static final class Paced {
        final Rate rate;
        final RateLimiter limiter;

        Paced(Rate rate) {
            this.rate = rate;
            this.limiter = RateLimiter.of("clb-" + rate, RateLimiterConfig.custom().limitForPeriod(1)
                    .limitRefreshPeriod(rate.interval()).timeoutDuration(Duration.ZERO).build());
        }
    }
}
