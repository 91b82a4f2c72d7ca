package com.clbsync.model;

import java.util.Objects;

/** One endpoint of an EndpointSlice: its first address, its conditions and the node it runs on. */
public final class SliceEndpoint {
    private final String ip;
    private final boolean ready;
    private final boolean terminating;
    private final String nodeName;

    private SliceEndpoint(String ip, boolean ready, boolean terminating, String nodeName) {
        this.ip = Objects.requireNonNull(ip, "ip");
        this.ready = ready;
        this.terminating = terminating;
        this.nodeName = nodeName == null ? "" : nodeName;
    }

    public static SliceEndpoint of(String ip, boolean ready, boolean terminating, String nodeName) {
        return new SliceEndpoint(ip, ready, terminating, nodeName);
    }

    public String ip() { return ip; }
    /** Ready and not terminating: the endpoint takes new traffic. */
    public boolean serving() { return ready && !terminating; }
    public boolean ready() { return ready; }
    public boolean terminating() { return terminating; }
    public String nodeName() { return nodeName; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof SliceEndpoint)) return false;
        SliceEndpoint e = (SliceEndpoint) o;
        return ip.equals(e.ip) && ready == e.ready && terminating == e.terminating && nodeName.equals(e.nodeName);
    }
    @Override public int hashCode() { return Objects.hash(ip, ready, terminating, nodeName); }
    @Override public String toString() { return ip + "@" + nodeName + (serving() ? "" : " (not serving)"); }
}
