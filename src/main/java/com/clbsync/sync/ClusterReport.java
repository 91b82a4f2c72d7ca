package com.clbsync.sync;

import java.util.Objects;

/** How reading one cluster went. A frozen cluster's owned backends are neither removed nor re-weighted. */
public final class ClusterReport {
    private final String name;
    private final String ownerId;
    private final boolean frozen;
    private final String reason;
    private final int services;
    private final int nodes;

    private ClusterReport(String name, String ownerId, boolean frozen, String reason, int services, int nodes) {
        this.name = Objects.requireNonNull(name);
        this.ownerId = Objects.requireNonNull(ownerId);
        this.frozen = frozen;
        this.reason = reason == null ? "" : reason;
        this.services = services;
        this.nodes = nodes;
    }

    public static ClusterReport read(String name, String ownerId, int services, int nodes) {
        return new ClusterReport(name, ownerId, false, "", services, nodes);
    }

    public static ClusterReport frozen(String name, String ownerId, String reason) {
        return new ClusterReport(name, ownerId, true, reason, 0, 0);
    }

    public String name() { return name; }
    public String ownerId() { return ownerId; }
    public boolean frozen() { return frozen; }
    public String reason() { return reason; }
    public int services() { return services; }
    public int nodes() { return nodes; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClusterReport)) return false;
        ClusterReport c = (ClusterReport) o;
        return name.equals(c.name) && ownerId.equals(c.ownerId) && frozen == c.frozen && reason.equals(c.reason)
                && services == c.services && nodes == c.nodes;
    }
    @Override public int hashCode() { return Objects.hash(name, ownerId, frozen, reason, services, nodes); }
    @Override public String toString() {
        return name + (frozen ? ": FROZEN (" + reason + ")" : ": read, " + services + " services, " + nodes + " nodes");
    }
}
