package com.clbsync.plan;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Owned backends that must not be changed this run: those of frozen clusters (unreadable), of frozen
 * Services (bad annotation, CLB mismatch), and any backend at a contested key.
 */
public final class Freeze {
    private final Set<String> ownerIds;
    private final Set<ServiceRef> services;
    private final Set<BackendKey> keys;

    private Freeze(Collection<String> ownerIds, Collection<ServiceRef> services, Collection<BackendKey> keys) {
        this.ownerIds = Set.copyOf(ownerIds);
        this.services = Set.copyOf(services);
        this.keys = Set.copyOf(keys);
    }

    public static Freeze of(Collection<String> ownerIds, Collection<ServiceRef> services, Collection<BackendKey> keys) {
        return new Freeze(ownerIds, services, keys);
    }

    public static Freeze none() {
        return new Freeze(Set.of(), Set.of(), Set.of());
    }

    /** Why this owned backend (owned by {@code ownerId}) must stay as it is, or empty when it may change. */
    public Optional<String> reason(Backend backend, String ownerId) {
        if (ownerIds.contains(ownerId)) {
            return Optional.of("its cluster (owner " + ownerId + ") is frozen");
        }
        for (ServiceRef s : services) {
            if (s.ownerId().equals(ownerId) && BackendDescription.isOf(backend.description(), s)) {
                return Optional.of("its Service " + s + " is frozen");
            }
        }
        if (keys.contains(backend.key())) {
            return Optional.of("its key is contested");
        }
        return Optional.empty();
    }

    /** The same freeze, also holding these Services. */
    public Freeze withServices(Collection<ServiceRef> more) {
        Set<ServiceRef> all = new HashSet<>(services);
        all.addAll(more);
        return new Freeze(ownerIds, all, keys);
    }

    /** The same freeze, also holding these keys. */
    public Freeze withKeys(Collection<BackendKey> more) {
        Set<BackendKey> all = new HashSet<>(keys);
        all.addAll(more);
        return new Freeze(ownerIds, services, all);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Freeze)) return false;
        Freeze f = (Freeze) o;
        return ownerIds.equals(f.ownerIds) && services.equals(f.services) && keys.equals(f.keys);
    }
    @Override public int hashCode() { return Objects.hash(ownerIds, services, keys); }
    @Override public String toString() { return "frozen owners " + ownerIds + ", services " + services + ", keys " + keys; }
}
