package com.clbsync.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one read of a cluster returned: its Services, EndpointSlices and Nodes, and which cluster
 * answered (the UID of its {@code kube-system} namespace: made when the cluster was made, the same for
 * every API server address of it, different for every other cluster).
 */
public final class ClusterSnapshot {
    private final List<KubeService> services;
    private final List<KubeEndpointSlice> slices;
    private final List<KubeNode> nodes;
    private final String identity;
    private final ResourceVersions versions;
    private final long bytesRead;

    private ClusterSnapshot(List<KubeService> services, List<KubeEndpointSlice> slices, List<KubeNode> nodes,
                            String identity, ResourceVersions versions, long bytesRead) {
        this.services = List.copyOf(services);
        this.slices = List.copyOf(slices);
        this.nodes = List.copyOf(nodes);
        this.identity = Objects.requireNonNull(identity, "identity");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.bytesRead = bytesRead;
    }

    /** A snapshot of a cluster whose identity is not known (yet). */
    public static ClusterSnapshot of(List<KubeService> services, List<KubeEndpointSlice> slices, List<KubeNode> nodes) {
        return new ClusterSnapshot(services, slices, nodes, "", ResourceVersions.none(), 0);
    }

    /** The same snapshot, of the cluster whose {@code kube-system} namespace has this UID. */
    public ClusterSnapshot withIdentity(String kubeSystemUid) {
        return new ClusterSnapshot(services, slices, nodes, kubeSystemUid == null ? "" : kubeSystemUid, versions, bytesRead);
    }

    /** The same snapshot, standing at these resourceVersions (the changes since can be read). */
    public ClusterSnapshot withVersions(ResourceVersions v) {
        return new ClusterSnapshot(services, slices, nodes, identity, v, bytesRead);
    }

    /** The same snapshot, noting how many bytes of answers the read that made it took. */
    public ClusterSnapshot withBytesRead(long bytes) {
        return new ClusterSnapshot(services, slices, nodes, identity, versions, bytes);
    }

    /** Where the snapshot stands: the lists' resourceVersions, or none known. */
    public ResourceVersions versions() { return versions; }

    /** The bytes of answers the read that made this snapshot took (0 when not counted). */
    public long bytesRead() { return bytesRead; }

    /**
     * This snapshot with changes read since it applied: per object key ({@code namespace/name}, a Node's
     * name), its new state, or empty when it was deleted; standing at {@code now}.
     */
    public ClusterSnapshot changed(Map<String, Optional<KubeService>> svc, Map<String, Optional<KubeEndpointSlice>> sl,
                                   Map<String, Optional<KubeNode>> nd, ResourceVersions now) {
        return new ClusterSnapshot(apply(services, svc, ClusterSnapshot::key), apply(slices, sl, ClusterSnapshot::key),
                apply(nodes, nd, ClusterSnapshot::key), identity, now, 0);
    }

    /** A Service's key in {@link #changed}: {@code namespace/name}. */
    public static String key(KubeService s) { return s.namespace() + "/" + s.name(); }
    /** An EndpointSlice's key in {@link #changed}: {@code namespace/name}. */
    public static String key(KubeEndpointSlice s) { return s.namespace() + "/" + s.name(); }
    /** A Node's key in {@link #changed}: its name. */
    public static String key(KubeNode n) { return n.name(); }

    private static <T> List<T> apply(List<T> before, Map<String, Optional<T>> changes, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        before.forEach(x -> out.put(key.apply(x), x));
        changes.forEach((k, v) -> {
            if (v.isPresent()) {
                out.put(k, v.get());
            } else {
                out.remove(k);
            }
        });
        return new ArrayList<>(out.values());
    }

    /** The UID of the cluster's {@code kube-system} namespace, or empty when the read could not tell. */
    public String identity() { return identity; }

    /**
     * This snapshot with what {@code what} names replaced by what was read again: its Services by
     * {@code got} (one absent from it is gone), its Services' EndpointSlices by {@code gotSlices}, its
     * Nodes by {@code gotNodes}. Everything else is kept as it was.
     */
    public ClusterSnapshot refreshed(Refresh what, List<KubeService> got, List<KubeEndpointSlice> gotSlices,
                                     List<KubeNode> gotNodes) {
        List<KubeService> s = new ArrayList<>();
        services.stream().filter(x -> !what.services().contains(x.id())).forEach(s::add);
        s.addAll(got);
        List<KubeEndpointSlice> e = new ArrayList<>();
        slices.stream().filter(x -> !what.slicesOf().contains(x.service())).forEach(e::add);
        e.addAll(gotSlices);
        List<KubeNode> n = new ArrayList<>();
        nodes.stream().filter(x -> !what.nodes().contains(x.name())).forEach(n::add);
        n.addAll(gotNodes);
        // the versions stay: the changes since them replay every object refreshed here, ending at its newest state
        return new ClusterSnapshot(s, e, n, identity, versions, 0);
    }

    /** Whether the objects {@code what} names are the same here as in {@code other} (gone in both counts as same). */
    public boolean sameAs(ClusterSnapshot other, Refresh what) {
        return named(this, what).equals(named(other, what));
    }

    private static Set<Object> named(ClusterSnapshot s, Refresh what) {
        Set<Object> out = new HashSet<>();
        s.services.stream().filter(x -> what.services().contains(x.id())).forEach(out::add);
        s.slices.stream().filter(x -> what.slicesOf().contains(x.service())).forEach(out::add);
        s.nodes.stream().filter(x -> what.nodes().contains(x.name())).forEach(out::add);
        return out;
    }

    public List<KubeService> services() { return services; }
    public List<KubeEndpointSlice> slices() { return slices; }
    public List<KubeNode> nodes() { return nodes; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClusterSnapshot)) return false;
        ClusterSnapshot s = (ClusterSnapshot) o;
        return services.equals(s.services) && slices.equals(s.slices) && nodes.equals(s.nodes) && identity.equals(s.identity)
                && versions.equals(s.versions);
    }
    @Override public int hashCode() { return Objects.hash(services, slices, nodes, identity, versions); }
    @Override public String toString() {
        return services.size() + " services, " + slices.size() + " endpoint slices, " + nodes.size() + " nodes";
    }
}
