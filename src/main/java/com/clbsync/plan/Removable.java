package com.clbsync.plan;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which owned, unwanted backends a run may remove. A full run read everything afresh: all of them. A
 * targeted run took some clusters from snapshots that may be older than what another writer (the CCM
 * under the same owner id, a command-line apply) has added since: it removes only backends of clusters
 * it read in full, of Services it read afresh (present or found gone), or on the instances of Nodes it
 * read afresh; every other removal waits for a full run.
 */
public final class Removable {
    private static final Removable ALL = new Removable(true, Set.of(), Set.of(), Set.of());
    private final boolean all;
    private final Set<String> ownersReadInFull;
    private final Set<ServiceRef> services;
    private final Set<String> instances;

    private Removable(boolean all, Collection<String> ownersReadInFull, Collection<ServiceRef> services,
                      Collection<String> instances) {
        this.all = all;
        this.ownersReadInFull = Set.copyOf(ownersReadInFull);
        this.services = Set.copyOf(services);
        this.instances = Set.copyOf(instances);
    }

    /** A full run's: every owned, unwanted backend. */
    public static Removable all() {
        return ALL;
    }

    /** A targeted run's: what it read afresh. */
    public static Removable readAfresh(Collection<String> ownersReadInFull, Collection<ServiceRef> services,
                                       Collection<String> instances) {
        return new Removable(false, ownersReadInFull, services, instances);
    }

    /** Whether this backend, owned by {@code ownerId} and no longer wanted, may be removed this run. */
    public boolean allows(Backend backend, String ownerId) {
        if (all || ownersReadInFull.contains(ownerId) || instances.contains(backend.serverId())) {
            return true;
        }
        for (ServiceRef s : services) {
            if (s.ownerId().equals(ownerId) && BackendDescription.isOf(backend.description(), s)) {
                return true;
            }
        }
        return false;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Removable)) return false;
        Removable r = (Removable) o;
        return all == r.all && ownersReadInFull.equals(r.ownersReadInFull) && services.equals(r.services)
                && instances.equals(r.instances);
    }
    @Override public int hashCode() { return Objects.hash(all, ownersReadInFull, services, instances); }
    @Override public String toString() {
        return all ? "all removable" : "removable: owners read in full " + ownersReadInFull + ", services " + services
                + ", instances " + instances;
    }
}
