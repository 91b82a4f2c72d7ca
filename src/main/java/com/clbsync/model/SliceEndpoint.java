package com.clbsync.model;

import com.google.auto.value.AutoValue;

/** One endpoint of an EndpointSlice: its first address, its conditions and the node it runs on. */
@AutoValue
public abstract class SliceEndpoint {
    public abstract String ip();
    public abstract boolean ready();
    /** The {@code serving} condition as given. */
    abstract boolean servingCondition();
    public abstract boolean terminating();
    public abstract String nodeName();

    /** An endpoint whose {@code serving} condition is its {@code ready} one (as the API defines a nil serving). */
    public static SliceEndpoint of(String ip, boolean ready, boolean terminating, String nodeName) {
        return of(ip, ready, ready, terminating, nodeName);
    }

    /** An endpoint with all three conditions of {@code discovery.k8s.io/v1}. */
    public static SliceEndpoint of(String ip, boolean ready, boolean serving, boolean terminating, String nodeName) {
        return new AutoValue_SliceEndpoint(ip, ready, serving, terminating, nodeName == null ? "" : nodeName);
    }

    /** Ready and not terminating: the endpoint takes new traffic. */
    public boolean serving() { return ready() && !terminating(); }

    /**
     * Terminating but still serving (its pod is shutting down gracefully): its backend stays in the
     * group at weight 0 until the endpoint is gone, so that open connections finish.
     */
    public boolean draining() { return terminating() && servingCondition(); }

    @Override public String toString() {
        return ip() + "@" + nodeName() + (serving() ? "" : draining() ? " (terminating, serving)" : " (not serving)");
    }
}
