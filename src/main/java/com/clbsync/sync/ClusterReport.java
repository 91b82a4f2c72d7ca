package com.clbsync.sync;

import java.util.Objects;
import java.util.Set;

/**
 * How reading one cluster went. A frozen cluster's owned backends are neither removed nor re-weighted;
 * a degraded one (read, but in a NotReady storm) is held the same way.
 */
public final class ClusterReport {
    /** What the run could make of the cluster. */
    public enum State {
        READ,
        /** Read, but most of its nodes are NotReady or Unknown: its backends are kept as they are. */
        DEGRADED,
        /** Not read (unreachable, an error, no Nodes): its backends are kept as they are. */
        FROZEN
    }

    private final String name;
    private final String ownerId;
    private final State state;
    private final String reason;
    private final int services;
    private final int nodes;
    private final String source;
    private final Set<ObjectRef> readAfresh;
    private final String identity;
    private final ReadKind readKind;
    private final long bytes;

    private ClusterReport(String name, String ownerId, State state, String reason, int services, int nodes) {
        this.name = Objects.requireNonNull(name);
        this.ownerId = Objects.requireNonNull(ownerId);
        this.state = Objects.requireNonNull(state);
        this.reason = reason == null ? "" : reason;
        this.services = services;
        this.nodes = nodes;
        this.source = "";
        this.readAfresh = Set.of();
        this.identity = "";
        this.readKind = ReadKind.NONE;
        this.bytes = 0;
    }

    /** {@code r}, saying how the cluster was had, what was read afresh and which cluster answered. */
    private ClusterReport(ClusterReport r, String source, Set<ObjectRef> readAfresh, String identity) {
        this(r, source, readAfresh, identity, r.readKind, r.bytes);
    }

    private ClusterReport(ClusterReport r, String source, Set<ObjectRef> readAfresh, String identity, ReadKind kind,
                          long bytes) {
        this.readKind = kind;
        this.bytes = bytes;
        this.name = r.name;
        this.ownerId = r.ownerId;
        this.state = r.state;
        this.reason = r.reason;
        this.services = r.services;
        this.nodes = r.nodes;
        this.source = source == null ? "" : source;
        this.readAfresh = Set.copyOf(readAfresh);
        this.identity = identity == null ? "" : identity;
    }

    public static ClusterReport read(String name, String ownerId, int services, int nodes) {
        return new ClusterReport(name, ownerId, State.READ, "", services, nodes);
    }

    public static ClusterReport degraded(String name, String ownerId, int services, int nodes, String reason) {
        return new ClusterReport(name, ownerId, State.DEGRADED, reason, services, nodes);
    }

    public static ClusterReport frozen(String name, String ownerId, String reason) {
        return new ClusterReport(name, ownerId, State.FROZEN, reason, 0, 0);
    }

    /** The same report, saying how the cluster was had: a full read, or a warm snapshot and what was read again. */
    public ClusterReport withSource(String how) {
        return new ClusterReport(this, how, readAfresh, identity);
    }

    /** The same report, naming the cluster its API server answered for (the UID of its kube-system namespace). */
    public ClusterReport withIdentity(String kubeSystemUid) {
        return new ClusterReport(this, source, readAfresh, kubeSystemUid);
    }

    /** This cluster, read but not recognised as the one its entry owns backends of: frozen, with why. */
    public ClusterReport unrecognised(String why) {
        return new ClusterReport(frozen(name, ownerId, why), source, readAfresh, identity);
    }

    /** The same report, naming the objects a targeted run read afresh here (each named one, and its Service's slices). */
    public ClusterReport withReadAfresh(Set<ObjectRef> objects) {
        return new ClusterReport(this, source, objects, identity);
    }

    public String name() { return name; }
    /** The owner id its backends are written under; empty when it was not read and none is configured. */
    public String ownerId() { return ownerId; }
    /** The UID of the kube-system namespace its API server answered with; empty when not read. */
    public String identity() { return identity; }
    public State state() { return state; }
    /** Whether this run holds the cluster's backends as they are (frozen or degraded). */
    public boolean frozen() { return state != State.READ; }
    public boolean degraded() { return state == State.DEGRADED; }
    public String reason() { return reason; }
    public int services() { return services; }
    public int nodes() { return nodes; }
    /** How the cluster was had: {@code full read}, or a warm snapshot and what was read again; empty when not read. */
    public String source() { return source; }
    /** How the run had the cluster: in full, the changes since a snapshot, targeted, or a snapshot as it was. */
    public ReadKind readKind() { return readKind; }
    /** The bytes of the answers that read took (0: none, or not counted). */
    public long bytes() { return bytes; }

    /** The same report, saying how the cluster was read and how many bytes that took. */
    public ClusterReport withRead(ReadKind kind, long answerBytes) {
        return new ClusterReport(this, source, readAfresh, identity, kind, answerBytes);
    }
    /**
     * The objects a targeted run read afresh in this cluster: those its events named, and the
     * EndpointSlices of the Services among them. A clean run covers any older change to them.
     */
    public Set<ObjectRef> readAfresh() { return readAfresh; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClusterReport)) return false;
        ClusterReport c = (ClusterReport) o;
        return name.equals(c.name) && ownerId.equals(c.ownerId) && state == c.state && reason.equals(c.reason)
                && services == c.services && nodes == c.nodes && source.equals(c.source)
                && readAfresh.equals(c.readAfresh) && identity.equals(c.identity) && readKind == c.readKind && bytes == c.bytes;
    }
    @Override public int hashCode() {
        return Objects.hash(name, ownerId, state, reason, services, nodes, source, readAfresh, identity, readKind, bytes);
    }
    private static String kb(long bytes) {
        return bytes < 10_000 ? bytes + " bytes" : String.format("%.1f KB", bytes / 1000.0);
    }

    @Override public String toString() {
        switch (state) {
            case READ: return name + ": read, " + services + " services, " + nodes + " nodes"
                    + (source.isEmpty() || source.equals("full read") ? "" : " (" + source + ")")
                    + (readKind == ReadKind.NONE ? "" : "; " + readKind.word() + (bytes > 0 ? ", " + kb(bytes) : ""));
            case DEGRADED: return name + ": DEGRADED, read " + services + " services, " + nodes + " nodes; " + reason;
            default: return name + ": FROZEN (" + reason + ")";
        }
    }
}
