package com.clbsync.plan;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which backends clb-sync may change: those whose description is in the CCM's form and names the
 * owner id of a configured cluster. Everything else (hand-added ECS instances, backends of other
 * clusters or tools) is foreign and never modified or removed.
 */
public final class Ownership {
    private final Set<String> ownerIds;

    private Ownership(Set<String> ownerIds) {
        this.ownerIds = Set.copyOf(ownerIds);
    }

    public static Ownership of(Collection<String> ownerIds) {
        return new Ownership(Set.copyOf(ownerIds));
    }

    /** The configured owner of this backend, or empty for a foreign backend (always for an unknown type). */
    public Optional<String> ownerOf(Backend backend) {
        if (backend.type() == BackendType.OTHER) {
            return Optional.empty();
        }
        return BackendDescription.ownerOf(backend.description()).filter(ownerIds::contains);
    }

    public boolean owns(Backend backend) {
        return ownerOf(backend).isPresent();
    }

    @Override public String toString() { return "owners " + ownerIds; }
}
