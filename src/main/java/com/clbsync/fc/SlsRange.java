package com.clbsync.fc;

import java.util.Objects;

/**
 * The cursor range a Log Service trigger hands over: which records to pull. Not where from: the event's
 * endpoint is never used (the region's own Log Service endpoint is).
 */
public final class SlsRange {
    private final String project;
    private final String logstore;
    private final int shard;
    private final String beginCursor;
    private final String endCursor;

    private SlsRange(String project, String logstore, int shard, String beginCursor, String endCursor) {
        this.project = Objects.requireNonNull(project);
        this.logstore = Objects.requireNonNull(logstore);
        this.shard = shard;
        this.beginCursor = Objects.requireNonNull(beginCursor);
        this.endCursor = Objects.requireNonNull(endCursor);
    }

    public static SlsRange of(String project, String logstore, int shard, String beginCursor, String endCursor) {
        return new SlsRange(project, logstore, shard, beginCursor, endCursor);
    }

    public String project() { return project; }
    public String logstore() { return logstore; }
    public int shard() { return shard; }
    public String beginCursor() { return beginCursor; }
    public String endCursor() { return endCursor; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof SlsRange)) return false;
        SlsRange r = (SlsRange) o;
        return project.equals(r.project) && logstore.equals(r.logstore) && shard == r.shard
                && beginCursor.equals(r.beginCursor) && endCursor.equals(r.endCursor);
    }
    @Override public int hashCode() { return Objects.hash(project, logstore, shard, beginCursor, endCursor); }
    @Override public String toString() { return project + "/" + logstore + "#" + shard + " [" + beginCursor + ", " + endCursor + ")"; }
}
