package com.clbsync.plan;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Owned backends that must not be changed this run: those of frozen clusters (unreadable), of frozen
 * Services (bad annotation, CLB mismatch), any backend at a contested key, and any backend at a pod
 * IP whose ENI was not found this run.
 */
public final class Freeze {
    private final Set<String> ownerIds;
    private final Set<ServiceRef> services;
    private final Set<BackendKey> keys;
    private final Set<String> addresses;
    private final Removable removable;

    private Freeze(Collection<String> ownerIds, Collection<ServiceRef> services, Collection<BackendKey> keys,
                   Collection<String> addresses, Removable removable) {
        this.ownerIds = Set.copyOf(ownerIds);
        this.services = Set.copyOf(services);
        this.keys = Set.copyOf(keys);
        this.addresses = Set.copyOf(addresses);
        this.removable = removable;
    }

    public static Freeze of(Collection<String> ownerIds, Collection<ServiceRef> services, Collection<BackendKey> keys) {
        return new Freeze(ownerIds, services, keys, Set.of(), Removable.all());
    }

    /**
     * What a run may not change: the backends of every cluster it holds ({@code ownership}'s held claims),
     * of the Services {@code desired} froze and at the pod IPs it found no ENI for; removing only what
     * {@code removable} allows.
     */
    public static Freeze forRun(Ownership ownership, DesiredState desired, Removable removable) {
        return of(ownership.heldOwnerIds(), desired.frozenServiceRefs(), Set.of()).withAddresses(desired.heldAddresses())
                .withRemovable(removable);
    }

    public static Freeze none() {
        return of(Set.of(), Set.of(), Set.of());
    }

    /** Why this owned, unwanted backend must stay although nothing else holds it, or empty when it may go. */
    public Optional<String> removalHeld(Backend backend, String ownerId) {
        return removable.allows(backend, ownerId) ? Optional.empty()
                : Optional.of("not read afresh by this targeted run: its removal waits for a full run");
    }

    /** The same freeze, removing only what {@code r} allows. */
    public Freeze withRemovable(Removable r) {
        return new Freeze(ownerIds, services, keys, addresses, r);
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
        if (!backend.serverIp().isEmpty() && addresses.contains(backend.serverIp())) {
            return Optional.of("its pod IP " + backend.serverIp() + " has no ENI this run");
        }
        return Optional.empty();
    }

    /** The same freeze, also holding these Services. */
    public Freeze withServices(Collection<ServiceRef> more) {
        Set<ServiceRef> all = new HashSet<>(services);
        all.addAll(more);
        return new Freeze(ownerIds, all, keys, addresses, removable);
    }

    /** The same freeze, also holding these keys. */
    public Freeze withKeys(Collection<BackendKey> more) {
        Set<BackendKey> all = new HashSet<>(keys);
        all.addAll(more);
        return new Freeze(ownerIds, services, all, addresses, removable);
    }

    /** The same freeze, also holding backends at these pod IPs. */
    public Freeze withAddresses(Collection<String> podIps) {
        Set<String> all = new HashSet<>(addresses);
        all.addAll(podIps);
        return new Freeze(ownerIds, services, keys, all, removable);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Freeze)) return false;
        Freeze f = (Freeze) o;
        return ownerIds.equals(f.ownerIds) && services.equals(f.services) && keys.equals(f.keys) && addresses.equals(f.addresses)
                && removable.equals(f.removable);
    }
    @Override public int hashCode() { return Objects.hash(ownerIds, services, keys, addresses, removable); }
    @Override public String toString() { return "frozen owners " + ownerIds + ", services " + services + ", keys " + keys + ", pod IPs " + addresses + ", " + removable; }
}
