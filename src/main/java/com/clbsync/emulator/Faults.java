package com.clbsync.emulator;

import java.time.Duration;

/** Random faults: rates per call (configuring only hits writes), a delay on every call, and how long a timeout hangs. */
public final class Faults {
    final double throttle;
    final double configuring;
    final double serverErrors;
    final double timeouts;
    final Duration delay;
    final Duration hang;

    private Faults(double throttle, double configuring, double serverErrors, double timeouts, Duration delay,
                   Duration hang) {
        this.throttle = throttle;
        this.configuring = configuring;
        this.serverErrors = serverErrors;
        this.timeouts = timeouts;
        this.delay = delay;
        this.hang = hang;
    }

    public static Faults none() {
        return new Faults(0, 0, 0, 0, Duration.ZERO, Duration.ZERO);
    }

    public Faults throttle(double rate) { return new Faults(rate, configuring, serverErrors, timeouts, delay, hang); }
    public Faults configuring(double rate) { return new Faults(throttle, rate, serverErrors, timeouts, delay, hang); }
    public Faults serverErrors(double rate) { return new Faults(throttle, configuring, rate, timeouts, delay, hang); }
    /** Calls that answer only after {@code hangFor}; half of the timed-out writes are applied anyway. */
    public Faults timeouts(double rate, Duration hangFor) {
        return new Faults(throttle, configuring, serverErrors, rate, delay, hangFor);
    }
    public Faults delay(Duration d) { return new Faults(throttle, configuring, serverErrors, timeouts, d, hang); }
}
