package com.clbsync.emulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The CLB's per-action API quota, as a token bucket per action: {@code burst} calls at once, refilled
 * at {@code calls} per {@code period}. A call that finds the bucket empty is refused with
 * {@code Throttling.User}, as the API does past its flow control.
 */
final class QuotaBuckets {
    private final Map<String, Bucket> buckets = new HashMap<>();
    private int refused;

    synchronized void set(String action, int calls, Duration period, int burst) {
        buckets.put(action, new Bucket(calls / (double) period.toNanos(), burst));
    }

    /** Takes a token for a call of {@code action}; false when the quota refuses it. */
    synchronized boolean take(String action) {
        Bucket b = buckets.get(action);
        if (b == null || b.take(System.nanoTime())) {
            return true;
        }
        refused++;
        return false;
    }

    synchronized int refused() {
        return refused;
    }

    private static final class Bucket {
        final double perNano;
        final int burst;
        double tokens;
        long last;

        Bucket(double perNano, int burst) {
            this.perNano = perNano;
            this.burst = burst;
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        boolean take(long now) {
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
