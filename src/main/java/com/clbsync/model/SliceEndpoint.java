package com.clbsync.model;

import java.util.Objects;

/** One endpoint of an EndpointSlice: its first address, its conditions and the node it runs on. */
public final class SliceEndpoint {
    private final String ip;
    private final boolean ready;
    private final boolean servingCondition;
    private final boolean terminating;
    private final String nodeName;

    private SliceEndpoint(String ip, boolean ready, boolean servingCondition, boolean terminating, String nodeName) {
        this.ip = Objects.requireNonNull(ip, "ip");
        this.ready = ready;
        this.servingCondition = servingCondition;
        this.terminating = terminating;
        this.nodeName = nodeName == null ? "" : nodeName;
    }

    /** An endpoint whose {@code serving} condition is its {@code ready} one (as the API defines a nil serving). */
    public static SliceEndpoint of(String ip, boolean ready, boolean terminating, String nodeName) {
        return new SliceEndpoint(ip, ready, ready, terminating, nodeName);
    }

    /** An endpoint with all three conditions of {@code discovery.k8s.io/v1}. */
    public static SliceEndpoint of(String ip, boolean ready, boolean serving, boolean terminating, String nodeName) {
        return new SliceEndpoint(ip, ready, serving, terminating, nodeName);
    }

    public String ip() { return ip; }
    /** Ready and not terminating: the endpoint takes new traffic. */
    public boolean serving() { return ready && !terminating; }
    /**
     * Terminating but still serving (its pod is shutting down gracefully): its backend stays in the
     * group at weight 0 until the endpoint is gone, so that open connections finish.
     */
    public boolean draining() { return terminating && servingCondition; }
    public boolean ready() { return ready; }
    public boolean terminating() { return terminating; }
    public String nodeName() { return nodeName; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof SliceEndpoint)) return false;
        SliceEndpoint e = (SliceEndpoint) o;
        return ip.equals(e.ip) && ready == e.ready && servingCondition == e.servingCondition
                && terminating == e.terminating && nodeName.equals(e.nodeName);
    }
    @Override public int hashCode() { return Objects.hash(ip, ready, servingCondition, terminating, nodeName); }
    @Override public String toString() {
        return ip + "@" + nodeName + (serving() ? "" : draining() ? " (terminating, serving)" : " (not serving)");
    }
}
