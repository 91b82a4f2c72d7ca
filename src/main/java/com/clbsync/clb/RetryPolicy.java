package com.clbsync.clb;

import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying a CLB call: only retryable errors (throttling, busy,
 * a pending configuration, 5xx, no response), exponential backoff with full jitter, a bounded number
 * of attempts, and never past the run's deadline.
 */
public final class RetryPolicy {
    /**
     * Error codes worth another try, as the CLB and NLB API references document them (the NLB's: a server
     * group locked by a running job, a pending configuration); and any code with "Throttling".
     */
    static final Set<String> RETRYABLE = Set.of("ServiceUnavailable", "InternalError", "SystemBusy", "OperationBusy",
            "VServerGroupProcessing", "ServiceIsConfiguring", "BackendServer.configuring", "ServiceIsStopping",
            "OperationFailed.ServiceGroupProcessing", "ProcessingSameRequest", "Conflict.Lock", "IncorrectStatus.serverGroup",
            "OperationFailed.ResourceIsConfiguring", ClbException.NO_RESPONSE, ClbException.SERVER_ERROR);

    private final Duration base;
    private final Duration cap;
    private final int maxAttempts;

    private RetryPolicy(Duration base, Duration cap, int maxAttempts) {
        this.base = base;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
    }

    public static RetryPolicy of(Duration base, Duration cap, int maxAttempts) {
        if (maxAttempts < 1 || base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("base <= cap and at least one attempt");
        }
        return new RetryPolicy(base, cap, maxAttempts);
    }

    /** 200 ms doubling to at most 5 s, 10 attempts. */
    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), 10);
    }

    public static boolean retryable(String code) {
        return RETRYABLE.contains(code) || code.contains("Throttling");
    }

    public int maxAttempts() { return maxAttempts; }

    /** The wait before retry number {@code retry} (1 = the first retry): uniform in [0, min(cap, base * 2^(retry-1))]. */
    public Duration delay(int retry, DoubleSupplier random) {
        long ceiling = base.toMillis() << Math.min(20, Math.max(0, retry - 1));
        ceiling = Math.min(cap.toMillis(), ceiling);
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    @Override public String toString() { return "retry " + maxAttempts + " times, " + base.toMillis() + " ms to " + cap.toMillis() + " ms"; }
}
