package com.clbsync.plan;

import com.google.auto.value.AutoValue;

/**
 * One Service's ramp in a group this run, as fractions of the traffic the ramp moves (the weighted
 * Services' and retired clusters' backends): where it stood, where this run takes it, where it is going,
 * and why it waits (empty when it moved or needs no step).
 */
@AutoValue
public abstract class ServiceRamp {
    public abstract ServiceRef service();
    public abstract double from();
    public abstract double to();
    public abstract double target();
    public abstract String waiting();
    /** Whether it waits for the load balancer's health check (else for its time, or not at all). */
    public abstract boolean waitsForHealth();

    public static ServiceRamp of(ServiceRef service, double from, double to, double target, String waiting) {
        return of(service, from, to, target, waiting, false);
    }

    public static ServiceRamp of(ServiceRef service, double from, double to, double target, String waiting,
                                 boolean waitsForHealth) {
        return new AutoValue_ServiceRamp(service, from, to, target, waiting, waitsForHealth);
    }

    /** Whether this run brings the Service to its target (within rounding): the ramp ends here. */
    public boolean done() {
        return Math.abs(to() - target()) <= GlobalWeights.REPORT_ERROR;
    }

    @Override public String toString() {
        return String.format("%s: %.1f%% -> %.1f%% (target %.1f%%)%s", service(), 100 * from(), 100 * to(),
                100 * target(), waiting().isEmpty() ? "" : ", waiting: " + waiting());
    }
}
