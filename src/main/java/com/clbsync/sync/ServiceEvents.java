package com.clbsync.sync;

import java.time.Duration;

/** Writes Events on the Services of one cluster; the same outcome again counts up the existing one. */
public interface ServiceEvents {
    /**
     * Writes (or counts up) the Event, all of its calls done within {@code within}: what is left of the
     * invocation, never the cluster's own timeout.
     *
     * @throws TimedOut when the time ran out: the run writes no more Events in this cluster
     */
    void record(ServiceEvent event, Duration within) throws Exception;

    /** The Event's calls did not finish in the time they had. */
    final class TimedOut extends Exception {
        public TimedOut(String message) {
            super(message, null, false, false);
        }
    }
}
