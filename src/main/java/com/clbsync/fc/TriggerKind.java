package com.clbsync.fc;

/** Which kind of event woke the function, as the report's {@code trigger.kind} names it. */
public enum TriggerKind {
    TIMER("timer"),
    EVENTBRIDGE("eventbridge"),
    SLS("sls"),
    MANUAL("manual"),
    CHECK("check");

    private final String key;

    TriggerKind(String key) {
        this.key = key;
    }

    /** The name in the report. */
    public String key() {
        return key;
    }
}
