package com.clbsync.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one point in time by which a run must be done: cluster reads, the audit-log pull, every CLB
 * call and every write round are bounded by what is left of it, so the report always comes back
 * before Function Compute ends the invocation.
 */
public final class Deadline {
    private final Clock clock;
    private final Instant at;

    private Deadline(Clock clock, Instant at) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.at = Objects.requireNonNull(at, "at");
    }

    public static Deadline at(Instant at, Clock clock) {
        return new Deadline(clock, at);
    }

    /** {@code budget} from now on the system clock. */
    public static Deadline in(Duration budget) {
        Clock clock = Clock.systemUTC();
        return new Deadline(clock, clock.instant().plus(budget));
    }

    public Instant instant() { return at; }
    public Clock clock() { return clock; }

    /** What is left, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether {@code work} can still finish in time. */
    public boolean allows(Duration work) {
        return remaining().compareTo(work) >= 0;
    }

    /** {@code d}, shortened to what is left. */
    public Duration bound(Duration d) {
        Duration left = remaining();
        return d.compareTo(left) <= 0 ? d : left;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Deadline)) return false;
        Deadline d = (Deadline) o;
        return at.equals(d.at) && clock.equals(d.clock);
    }
    @Override public int hashCode() { return Objects.hash(clock, at); }
    @Override public String toString() { return "deadline " + at; }
}
