package com.clbsync.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told: for deadlines and waits without sleeping. */
public final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T00:00:00Z");

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override public synchronized Instant instant() { return now; }
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
}
