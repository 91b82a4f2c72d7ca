package com.clbsync.plan;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one group's ramp may do this run: the configured ramp, whether its time for a step has come
 * (one step per {@code everySeconds}, counted by the instance; a new instance waits that long first),
 * and the load balancer's health check of the group's backends (when read).
 */
public final class RampGate {
    private static final RampGate OFF = new RampGate(Ramp.off(), null, null, "");

    private final Ramp ramp;
    private final Instant nextStepAt;
    private final Map<BackendKey, Health> health;
    private final String healthUnread;

    private RampGate(Ramp ramp, Instant nextStepAt, Map<BackendKey, Health> health, String healthUnread) {
        this.ramp = Objects.requireNonNull(ramp);
        this.nextStepAt = nextStepAt;
        this.health = health == null ? null : Map.copyOf(health);
        this.healthUnread = healthUnread;
    }

    /** No ramp: every Service goes straight to its share. */
    public static RampGate off() {
        return OFF;
    }

    /**
     * @param nextStepAt when the group's next step may come, or null when it may come now
     * @param health     each backend's health, or null when not read ({@code unread} says why)
     */
    public static RampGate of(Ramp ramp, Instant nextStepAt, Map<BackendKey, Health> health, String unread) {
        return ramp.isOn() ? new RampGate(ramp, nextStepAt, health, unread == null ? "" : unread) : OFF;
    }

    public Ramp ramp() { return ramp; }
    /** When the next step may come, or empty when now. */
    public Optional<Instant> nextStepAt() { return Optional.ofNullable(nextStepAt); }
    /** The health of every backend the answer named, or empty when it was not read. */
    public Optional<Map<BackendKey, Health>> health() { return Optional.ofNullable(health); }
    /** Why the health check was not read (empty when it was, or is not wanted). */
    public String healthUnread() { return healthUnread; }

    /** The health of this backend ({@link Health#UNKNOWN} when not named). */
    public Health healthOf(BackendKey key) {
        return health == null ? Health.UNKNOWN : health.getOrDefault(key, Health.UNKNOWN);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof RampGate)) return false;
        RampGate g = (RampGate) o;
        return ramp.equals(g.ramp) && Objects.equals(nextStepAt, g.nextStepAt) && Objects.equals(health, g.health)
                && healthUnread.equals(g.healthUnread);
    }
    @Override public int hashCode() { return Objects.hash(ramp, nextStepAt, health, healthUnread); }
    @Override public String toString() {
        return ramp + (nextStepAt == null ? "" : ", next step at " + nextStepAt) + (health == null ? ", health not read" : "");
    }
}
