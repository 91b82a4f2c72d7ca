package com.clbsync.plan;

import com.google.auto.value.AutoValue;

/**
 * The configuration's {@code ramp}: each Service's share of a group moves from what the group holds now
 * towards what its weight annotation asks by at most {@link #stepPercent} points per step, at most one
 * step per {@link #everySeconds}; with {@link #healthGate}, a step that raises a Service's share waits
 * while most of its backends are not {@code normal} in the load balancer's health check. Off by default.
 */
@AutoValue
public abstract class Ramp {
    private static final Ramp OFF = new AutoValue_Ramp(0, 0, false);

    /** Points of share a step may move at most; 0: no ramp. */
    public abstract int stepPercent();
    /** Seconds between two steps of a group at least (0: every run may step). */
    public abstract int everySeconds();
    /** Whether a step raising a Service's share waits for its backends to be healthy. */
    public abstract boolean healthGate();

    public static Ramp off() {
        return OFF;
    }

    public static Ramp of(int stepPercent, int everySeconds, boolean healthGate) {
        if (stepPercent < 1 || stepPercent > 100 || everySeconds < 0) {
            throw new IllegalArgumentException("ramp: stepPercent 1..100 and everySeconds >= 0, not " + stepPercent
                    + " and " + everySeconds);
        }
        return new AutoValue_Ramp(stepPercent, everySeconds, healthGate);
    }

    public boolean isOn() {
        return stepPercent() > 0;
    }

    /** The step as a fraction of the traffic. */
    public double step() {
        return stepPercent() / 100.0;
    }

    @Override public String toString() {
        return isOn() ? stepPercent() + " points every " + everySeconds() + " s" + (healthGate() ? ", health-gated" : "")
                : "no ramp";
    }
}
