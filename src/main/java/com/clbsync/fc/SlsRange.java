package com.clbsync.fc;

import java.util.Objects;

/** The cursor range a Log Service trigger hands over: where to pull the new records from. */
public final class SlsRange {
    private final String endpoint;
    private final String project;
    private final String logstore;
    private final int shard;
    private final String beginCursor;
    private final String endCursor;

    private SlsRange(String endpoint, String project, String logstore, int shard, String beginCursor, String endCursor) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.project = Objects.requireNonNull(project);
        this.logstore = Objects.requireNonNull(logstore);
        this.shard = shard;
        this.beginCursor = Objects.requireNonNull(beginCursor);
        this.endCursor = Objects.requireNonNull(endCursor);
    }

    public static SlsRange of(String endpoint, String project, String logstore, int shard, String beginCursor, String endCursor) {
        return new SlsRange(endpoint, project, logstore, shard, beginCursor, endCursor);
    }

    public String endpoint() { return endpoint; }
    public String project() { return project; }
    public String logstore() { return logstore; }
    public int shard() { return shard; }
    public String beginCursor() { return beginCursor; }
    public String endCursor() { return endCursor; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof SlsRange)) return false;
        SlsRange r = (SlsRange) o;
        return endpoint.equals(r.endpoint) && project.equals(r.project) && logstore.equals(r.logstore) && shard == r.shard
                && beginCursor.equals(r.beginCursor) && endCursor.equals(r.endCursor);
    }
    @Override public int hashCode() { return Objects.hash(endpoint, project, logstore, shard, beginCursor, endCursor); }
    @Override public String toString() { return project + "/" + logstore + "#" + shard + " [" + beginCursor + ", " + endCursor + ")"; }
}
