package com.clbsync.fc;

/** An event of no accepted shape, or one that names something not configured; nothing is changed. */
public final class EventException extends Exception {
    public EventException(String message) {
        super(message);
    }
}
