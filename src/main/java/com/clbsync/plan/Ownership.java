package com.clbsync.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which backends clb-sync may change: those whose description is in the CCM's form and is claimed by a
 * configured cluster ({@link OwnerClaim}). Everything else (hand-added ECS instances, backends of other
 * clusters, deployments or tools) is foreign and never modified or removed. The claims of clusters acted
 * on come first; a held cluster's wider claim only holds what no other cluster claims.
 */
public final class Ownership {
    private final List<OwnerClaim> claims;
    private final Set<String> retired;

    private Ownership(List<OwnerClaim> claims, Set<String> retired) {
        List<OwnerClaim> ordered = new ArrayList<>();
        claims.stream().filter(c -> !c.held()).forEach(ordered::add);
        claims.stream().filter(OwnerClaim::held).forEach(ordered::add);
        this.claims = List.copyOf(ordered);
        this.retired = Set.copyOf(retired);
    }

    public static Ownership of(List<OwnerClaim> claims) {
        return new Ownership(claims, Set.of());
    }

    /**
     * The same ownership, also owning the backends of these retired owner ids ({@code retiredOwnerIds}):
     * clusters taken out of service, whose backends are drained and removed. A configured cluster's
     * claim comes first: a retired id it also claims stays the cluster's.
     */
    public Ownership withRetired(Collection<String> ownerIds) {
        return new Ownership(claims, Set.copyOf(ownerIds));
    }

    /** Clusters with these configured owner ids, all acted on. */
    public static Ownership of(Collection<String> ownerIds) {
        return of(ownerIds.stream().map(OwnerClaim::configured).collect(Collectors.toList()));
    }

    /** The owner id this backend is counted under (its cluster's), or empty for a foreign backend (always for an unknown type). */
    public Optional<String> ownerOf(Backend backend) {
        Optional<String> claimed = claimOf(backend).map(OwnerClaim::ownerId);
        return claimed.isPresent() ? claimed : retiredOwnerOf(backend);
    }

    /** The retired owner id this backend is counted under, or empty when it is not a retired cluster's. */
    public Optional<String> retiredOf(Backend backend) {
        return claimOf(backend).isPresent() ? Optional.empty() : retiredOwnerOf(backend);
    }

    /** The claim this backend falls under, or empty for a foreign backend. */
    public Optional<OwnerClaim> claimOf(Backend backend) {
        if (backend.type() == BackendType.OTHER) {
            return Optional.empty();
        }
        Optional<String> segment = BackendDescription.ownerOf(backend.description());
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        return claims.stream().filter(c -> c.claims(backend, segment.get())).findFirst();
    }

    private Optional<String> retiredOwnerOf(Backend backend) {
        if (backend.type() == BackendType.OTHER) {
            return Optional.empty();
        }
        return BackendDescription.ownerOf(backend.description()).filter(retired::contains);
    }

    public boolean owns(Backend backend) {
        return ownerOf(backend).isPresent();
    }

    /** The owner ids of the clusters held as they are this run. */
    public List<String> heldOwnerIds() {
        return claims.stream().filter(OwnerClaim::held).map(OwnerClaim::ownerId).collect(Collectors.toList());
    }

    @Override public boolean equals(Object o) {
        return o instanceof Ownership && claims.equals(((Ownership) o).claims) && retired.equals(((Ownership) o).retired);
    }
    @Override public int hashCode() { return claims.hashCode() * 31 + retired.hashCode(); }
    @Override public String toString() { return "owners " + claims + (retired.isEmpty() ? "" : ", retired " + retired); }
}
