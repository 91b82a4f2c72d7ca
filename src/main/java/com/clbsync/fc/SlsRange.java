package com.clbsync.fc;

import com.google.auto.value.AutoValue;

/**
 * The cursor range a Log Service trigger hands over: which records to pull. Not where from: the event's
 * endpoint is never used (the region's own Log Service endpoint is).
 */
@AutoValue
public abstract class SlsRange {
    public abstract String project();
    public abstract String logstore();
    public abstract int shard();
    public abstract String beginCursor();
    public abstract String endCursor();

    public static SlsRange of(String project, String logstore, int shard, String beginCursor, String endCursor) {
        return new AutoValue_SlsRange(project, logstore, shard, beginCursor, endCursor);
    }

    @Override public String toString() {
        return project() + "/" + logstore() + "#" + shard() + " [" + beginCursor() + ", " + endCursor() + ")";
    }
}
