package com.clbsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an instance remembers of its groups' ramps: when each group last took a step, or when this
 * instance first applied it. The CLB keeps no such time, so a new instance waits a whole
 * {@code everySeconds} before its first step: a restart never takes two steps closer together than that
 * (and, since every step starts from the weights the CLB holds, never repeats or skips one). The
 * command line's {@code --ramp-now} takes a due step at once: there, the operator is the clock.
 * Thread-safe: groups of different CLBs are synced in parallel.
 */
public final class RampLog {
    private final Map<String, Instant> since = new ConcurrentHashMap<>();
    private final boolean dueNow;

    private RampLog(boolean dueNow) {
        this.dueNow = dueNow;
    }

    /** An instance's log, empty: every group waits {@code everySeconds} from its first applied run. */
    public RampLog() {
        this(false);
    }

    /** A log by which every step is due now (the command line's {@code --ramp-now}). */
    public static RampLog dueNow() {
        return new RampLog(true);
    }

    /** When the group's next step may come, or null when it may come now. */
    Instant nextStepAt(String groupId, Duration every, Instant now) {
        if (dueNow || every.isZero()) {
            return null;
        }
        Instant last = since.get(groupId);
        Instant at = (last == null ? now : last).plus(every);
        return now.isBefore(at) ? at : null;
    }

    /** After an applied run of the group: a step starts its clock again; else the clock starts if it had not. */
    void update(String groupId, boolean stepped, Instant now) {
        if (stepped) {
            since.put(groupId, now);
        } else {
            since.putIfAbsent(groupId, now);
        }
    }
}
