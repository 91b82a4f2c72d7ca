package com.clbsync.plan;

import java.util.List;
import java.util.Objects;

/** What to do to one vServer group: the result of {@link GroupDiff}. */
public final class GroupPlan {
    private final List<Backend> adds;
    private final List<Backend> updates;
    private final List<Backend> removes;
    private final List<Backend> unchanged;
    private final List<Backend> foreign;
    private final List<Backend> kept;
    private final List<String> conflicts;
    private final List<Backend> draining;

    private GroupPlan(List<Backend> adds, List<Backend> updates, List<Backend> removes, List<Backend> unchanged,
                      List<Backend> foreign, List<Backend> kept, List<String> conflicts, List<Backend> draining) {
        this.adds = List.copyOf(adds);
        this.updates = List.copyOf(updates);
        this.removes = List.copyOf(removes);
        this.unchanged = List.copyOf(unchanged);
        this.foreign = List.copyOf(foreign);
        this.kept = List.copyOf(kept);
        this.conflicts = List.copyOf(conflicts);
        this.draining = List.copyOf(draining);
    }

    public static GroupPlan of(List<Backend> adds, List<Backend> updates, List<Backend> removes, List<Backend> unchanged,
                               List<Backend> foreign, List<Backend> kept, List<String> conflicts) {
        return new GroupPlan(adds, updates, removes, unchanged, foreign, kept, conflicts, List.of());
    }

    /** The same plan, these unwanted backends being drained (as they are now) rather than removed this run. */
    public GroupPlan withDraining(List<Backend> backends) {
        return new GroupPlan(adds, updates, removes, unchanged, foreign, kept, conflicts, backends);
    }

    /** Backends to add, as wanted. */
    public List<Backend> adds() { return adds; }
    /** Owned backends whose weight or description changes, with their new values. */
    public List<Backend> updates() { return updates; }
    /** Owned backends to remove, as they are now. */
    public List<Backend> removes() { return removes; }
    /** Owned backends already as wanted. */
    public List<Backend> unchanged() { return unchanged; }
    /** Backends clb-sync does not own: never touched. */
    public List<Backend> foreign() { return foreign; }
    /** Owned backends left as they are because something about them is frozen. */
    public List<Backend> kept() { return kept; }
    /** Wanted backends that could not be applied, with the reason (a foreign backend or another Service holds the key). */
    public List<String> conflicts() { return conflicts; }

    /**
     * Unwanted backends whose instance or pod still lives, kept for the drain time: those going to weight 0
     * now (also among {@link #updates}) and those already at 0, waiting. As they are now.
     */
    public List<Backend> draining() { return draining; }

    /** No write needed. */
    public boolean isEmpty() { return adds.isEmpty() && updates.isEmpty() && removes.isEmpty(); }

    @Override public boolean equals(Object o) {
        if (!(o instanceof GroupPlan)) return false;
        GroupPlan p = (GroupPlan) o;
        return adds.equals(p.adds) && updates.equals(p.updates) && removes.equals(p.removes)
                && unchanged.equals(p.unchanged) && foreign.equals(p.foreign) && kept.equals(p.kept)
                && conflicts.equals(p.conflicts) && draining.equals(p.draining);
    }
    @Override public int hashCode() { return Objects.hash(adds, updates, removes, unchanged, foreign, kept, conflicts, draining); }
    @Override public String toString() {
        return "+" + adds.size() + " ~" + updates.size() + " -" + removes.size() + " =" + unchanged.size()
                + " foreign " + foreign.size() + " kept " + kept.size() + (draining.isEmpty() ? "" : " draining " + draining.size()) + (conflicts.isEmpty() ? "" : " conflicts " + conflicts);
    }
}
