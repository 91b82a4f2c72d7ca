package com.clbsync.sync;

import com.google.auto.value.AutoValue;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which vServer groups a run describes and writes. Every run reads all clusters (a group's weights
 * depend on every Service in it); a targeted run then visits only the groups its clusters and
 * objects touch.
 */
@AutoValue
public abstract class SyncScope {
    public abstract boolean isFull();
    public abstract Set<String> clusters();
    public abstract Set<ObjectRef> objects();

    private static SyncScope of(boolean full, Collection<String> clusters, Collection<ObjectRef> objects) {
        return new AutoValue_SyncScope(full, Set.copyOf(clusters), Set.copyOf(objects));
    }

    /** Every referenced group, and every group of the scanned CLBs. */
    public static SyncScope full() {
        return of(true, Set.of(), Set.of());
    }

    /**
     * @param clusters every group these clusters contribute to (a Node or Pod changed there)
     * @param objects  the groups of these Services (or of the Services of these EndpointSlices/Endpoints)
     */
    public static SyncScope targeted(Collection<String> clusters, Collection<ObjectRef> objects) {
        return of(false, clusters, objects);
    }

    /** A targeted scope that names nothing: nothing to do. */
    public boolean isEmpty() { return !isFull() && clusters().isEmpty() && objects().isEmpty(); }

    /** Both scopes together. */
    public SyncScope and(SyncScope other) {
        if (isFull() || other.isFull()) {
            return full();
        }
        Set<String> c = new TreeSet<>(clusters());
        c.addAll(other.clusters());
        Set<ObjectRef> o = new HashSet<>(objects());
        o.addAll(other.objects());
        return of(false, c, o);
    }

    @Override public String toString() {
        if (isFull()) {
            return "full";
        }
        return "targeted: clusters " + new TreeSet<>(clusters()) + ", objects " + objects();
    }
}
