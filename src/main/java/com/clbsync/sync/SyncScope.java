package com.clbsync.sync;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which vServer groups a run describes and writes. Every run reads all clusters (a group's weights
 * depend on every Service in it); a targeted run then visits only the groups its clusters and
 * objects touch.
 */
public final class SyncScope {
    private final boolean full;
    private final Set<String> clusters;
    private final Set<ObjectRef> objects;

    private SyncScope(boolean full, Collection<String> clusters, Collection<ObjectRef> objects) {
        this.full = full;
        this.clusters = Set.copyOf(clusters);
        this.objects = Set.copyOf(objects);
    }

    /** Every referenced group, and every group of the scanned CLBs. */
    public static SyncScope full() {
        return new SyncScope(true, Set.of(), Set.of());
    }

    /**
     * @param clusters every group these clusters contribute to (a Node or Pod changed there)
     * @param objects  the groups of these Services (or of the Services of these EndpointSlices/Endpoints)
     */
    public static SyncScope targeted(Collection<String> clusters, Collection<ObjectRef> objects) {
        return new SyncScope(false, clusters, objects);
    }

    public boolean isFull() { return full; }
    public Set<String> clusters() { return clusters; }
    public Set<ObjectRef> objects() { return objects; }
    /** A targeted scope that names nothing: nothing to do. */
    public boolean isEmpty() { return !full && clusters.isEmpty() && objects.isEmpty(); }

    /** Both scopes together. */
    public SyncScope and(SyncScope other) {
        if (full || other.full) {
            return full();
        }
        Set<String> c = new TreeSet<>(clusters);
        c.addAll(other.clusters);
        Set<ObjectRef> o = new HashSet<>(objects);
        o.addAll(other.objects);
        return new SyncScope(false, c, o);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof SyncScope)) return false;
        SyncScope s = (SyncScope) o;
        return full == s.full && clusters.equals(s.clusters) && objects.equals(s.objects);
    }
    @Override public int hashCode() { return Objects.hash(full, clusters, objects); }
    @Override public String toString() {
        if (full) {
            return "full";
        }
        return "targeted: clusters " + new TreeSet<>(clusters) + ", objects " + objects;
    }
}
