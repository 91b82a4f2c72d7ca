package com.clbsync.time;

import java.time.Duration;

/** Waits before a retry: the one way clb-sync waits, so a test can pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the thread. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
}
