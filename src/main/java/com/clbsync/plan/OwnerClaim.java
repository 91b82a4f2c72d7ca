package com.clbsync.plan;

import com.clbsync.model.ClusterSnapshot;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one configured cluster owns in this run, by the owner segment of a backend's description.
 * <ul>
 *   <li>A cluster recognised this run with a configured {@code ownerId}: exactly that segment.</li>
 *   <li>A cluster recognised this run without one: every segment carrying its identity's tag (under
 *       whatever entry name: a renamed entry keeps its backends), and the segment an earlier version
 *       wrote (the bare entry name) on a backend at one of its own nodes or pods' ENIs (adopted, and
 *       rewritten in the new form).</li>
 *   <li>A cluster not acted on this run (frozen, degraded, not recognised): every segment that may be
 *       its, all held as they are.</li>
 * </ul>
 */
public final class OwnerClaim {
    private final String cluster;
    private final String configuredOwnerId;
    private final String identity;
    private final Set<String> servers;
    private final boolean held;

    private OwnerClaim(String cluster, String configuredOwnerId, String identity, Set<String> servers, boolean held) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.configuredOwnerId = configuredOwnerId == null ? "" : configuredOwnerId;
        this.identity = identity == null ? "" : identity;
        this.servers = Set.copyOf(servers);
        this.held = held;
        if (!held && this.configuredOwnerId.isEmpty() && this.identity.isEmpty()) {
            throw new IllegalArgumentException(cluster + ": a cluster acted on needs an owner id or its identity");
        }
    }

    /**
     * A cluster this run acts on.
     *
     * @param servers the ECS instances of its nodes and the ENIs of its pods (where an earlier version's
     *                backends are adopted from)
     */
    public static OwnerClaim of(String cluster, Optional<String> configuredOwnerId, String identity, Set<String> servers) {
        return new OwnerClaim(cluster, configuredOwnerId.orElse(null), identity, servers, false);
    }

    /** The servers a read cluster's backends sit on: its nodes' ECS instances and the ENIs of its pods found on them. */
    public static Set<String> serversOf(ClusterSnapshot snapshot, EniIds enis) {
        Set<String> instances = new HashSet<>();
        snapshot.nodes().forEach(n -> InstanceIds.fromProviderId(n.providerId()).ifPresent(instances::add));
        Set<String> out = new HashSet<>(instances);
        snapshot.slices().forEach(s -> s.endpoints().forEach(ep -> enis.of(ep.ip(), instances).ifPresent(out::add)));
        return out;
    }

    /** A cluster this run holds as it is; {@code identity} empty when it was not read. */
    public static OwnerClaim held(String cluster, Optional<String> configuredOwnerId, String identity) {
        return new OwnerClaim(cluster, configuredOwnerId.orElse(null), identity, Set.of(), true);
    }

    /** A cluster with a configured owner id, acted on (tests and the plain form of ownership). */
    public static OwnerClaim configured(String ownerId) {
        return new OwnerClaim(ownerId, ownerId, "", Set.of(), false);
    }

    /** The owner segment this cluster writes, or, held and unread, its entry's name (how the report names it). */
    public String ownerId() {
        if (!configuredOwnerId.isEmpty()) {
            return configuredOwnerId;
        }
        return identity.isEmpty() ? cluster : OwnerIds.derived(cluster, identity);
    }

    public String cluster() { return cluster; }
    public boolean held() { return held; }

    /** Whether a backend whose description carries owner {@code segment} is this cluster's. */
    public boolean claims(Backend backend, String segment) {
        if (held) {
            return carries(segment) || ofIdentity(backend, segment);
        }
        return !configuredOwnerId.isEmpty() ? segment.equals(configuredOwnerId) : ofIdentity(backend, segment);
    }

    /** Its tag, or the bare name an earlier version wrote on one of its nodes or pods' ENIs. */
    private boolean ofIdentity(Backend backend, String segment) {
        return !identity.isEmpty() && (OwnerIds.tagOf(segment).equals(Optional.of(OwnerIds.tag(identity)))
                || segment.equals(cluster) && isOnOwnServer(backend));
    }

    /**
     * Whether {@code segment} is one this entry has written or may have written: its configured owner id,
     * or (without one) its bare name or its name with any cluster's tag.
     */
    public boolean carries(String segment) {
        if (!configuredOwnerId.isEmpty()) {
            return segment.equals(configuredOwnerId);
        }
        return segment.equals(cluster) || OwnerIds.nameOf(segment).equals(Optional.of(OwnerIds.namePart(cluster)));
    }

    /**
     * Whether a backend this entry has written ({@link #carries}) is evidence of this very cluster: its tag,
     * or, for an earlier version's segment or a configured owner id, one of its nodes or pods' ENIs.
     */
    public boolean isOfThisCluster(Backend backend, String segment) {
        if (!configuredOwnerId.isEmpty()) {
            return segment.equals(configuredOwnerId) && isOnOwnServer(backend);
        }
        return ofIdentity(backend, segment);
    }

    /** Whether the backend sits on one of this cluster's nodes (its ECS instance) or pods (their ENI). */
    public boolean isOnOwnServer(Backend backend) {
        return servers.contains(backend.serverId());
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof OwnerClaim)) return false;
        OwnerClaim c = (OwnerClaim) o;
        return cluster.equals(c.cluster) && configuredOwnerId.equals(c.configuredOwnerId) && identity.equals(c.identity)
                && servers.equals(c.servers) && held == c.held;
    }
    @Override public int hashCode() { return Objects.hash(cluster, configuredOwnerId, identity, servers, held); }
    @Override public String toString() {
        return cluster + " (owner " + ownerId() + (held ? ", held" : "") + ")";
    }
}
