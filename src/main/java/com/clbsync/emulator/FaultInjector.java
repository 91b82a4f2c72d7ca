package com.clbsync.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Decides which emulated calls fail, and how: scripted "next N calls of X" failures, then random {@link Faults}. */
final class FaultInjector {
    private final Map<String, NextFailures> nextFailures = new TreeMap<>();
    private Faults faults = Faults.none();
    private Random random = new Random(1);
    private int injected;

    synchronized void failNext(String action, int times, String code, String message) {
        nextFailures.put(action, new NextFailures(times, code, message));
    }

    synchronized void inject(Faults newFaults, long seed) {
        faults = newFaults;
        random = new Random(seed);
    }

    synchronized int injected() {
        return injected;
    }

    synchronized Duration delay() {
        return faults.delay;
    }

    synchronized Duration hang() {
        return faults.hang;
    }

    /** The fault, if any, this call gets: scripted first-N failures, then the random rates. */
    synchronized Fault draw(String action) {
        NextFailures next = nextFailures.get(action);
        if (next != null && next.remaining > 0) {
            next.remaining--;
            injected++;
            return new Fault(400, next.code, next.message);
        }
        boolean write = !action.startsWith("Describe");
        double r = random.nextDouble();
        Fault f = null;
        if (r < faults.throttle) {
            f = Fault.THROTTLED;
        } else if (write && r < faults.throttle + faults.configuring) {
            f = Fault.CONFIGURING;
        } else if (r < faults.throttle + faults.configuring + faults.serverErrors) {
            f = Fault.SERVER_ERROR;
        } else if (r < faults.throttle + faults.configuring + faults.serverErrors + faults.timeouts) {
            f = write && random.nextBoolean() ? Fault.AMBIGUOUS : Fault.TIMEOUT;
        }
        if (f != null) {
            injected++;
        }
        return f;
    }

    private static final class NextFailures {
        int remaining;
        final String code;
        final String message;

        NextFailures(int remaining, String code, String message) {
            this.remaining = remaining;
            this.code = code;
            this.message = message;
        }
    }

    /** A fault injected into one call. */
    static final class Fault {
        static final Fault THROTTLED = new Fault(400, "Throttling.User", "Request was denied due to user flow control.");
        static final Fault CONFIGURING = new Fault(409, "BackendServer.configuring",
                "A previous configuration of the load balancer is pending, please try again later.");
        static final Fault SERVER_ERROR = new Fault(503, "ServiceUnavailable", "The request has failed due to a temporary failure.");
        static final Fault TIMEOUT = new Fault(504, "", "");
        static final Fault AMBIGUOUS = new Fault(504, "", "");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        ApiError error() {
            return new ApiError(status, code, message);
        }
    }

    /** Waits {@code d} (a fault's delay or hang); nothing for zero. */
    static void sleep(java.time.Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
