package com.clbsync.model;

import java.util.List;
import java.util.Objects;

/** What one read of a cluster returned: its Services, EndpointSlices and Nodes. */
public final class ClusterSnapshot {
    private final List<KubeService> services;
    private final List<KubeEndpointSlice> slices;
    private final List<KubeNode> nodes;

    private ClusterSnapshot(List<KubeService> services, List<KubeEndpointSlice> slices, List<KubeNode> nodes) {
        this.services = List.copyOf(services);
        this.slices = List.copyOf(slices);
        this.nodes = List.copyOf(nodes);
    }

    public static ClusterSnapshot of(List<KubeService> services, List<KubeEndpointSlice> slices, List<KubeNode> nodes) {
        return new ClusterSnapshot(services, slices, nodes);
    }

    public List<KubeService> services() { return services; }
    public List<KubeEndpointSlice> slices() { return slices; }
    public List<KubeNode> nodes() { return nodes; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClusterSnapshot)) return false;
        ClusterSnapshot s = (ClusterSnapshot) o;
        return services.equals(s.services) && slices.equals(s.slices) && nodes.equals(s.nodes);
    }
    @Override public int hashCode() { return Objects.hash(services, slices, nodes); }
    @Override public String toString() {
        return services.size() + " services, " + slices.size() + " endpoint slices, " + nodes.size() + " nodes";
    }
}
