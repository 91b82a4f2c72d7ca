package com.clbsync.clb;

/** Hears of every CLB call a run sends and of every refusal, for progress and counts. */
public interface CallListener {
    CallListener NONE = new CallListener() {
    };

    /** A call of {@code action} is being sent. */
    default void sent(String action) {
    }

    /** A call of {@code action} was refused with {@code code} (it may be retried). */
    default void refused(String action, String code) {
    }
}
