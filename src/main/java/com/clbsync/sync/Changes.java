package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.GroupPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Adds, re-weights and removals of one group: made by a run, or still to be made. */
public final class Changes {
    private static final Changes NONE = new Changes(List.of(), List.of(), List.of());

    private final List<Backend> adds;
    private final List<Backend> updates;
    private final List<Backend> removes;

    private Changes(List<Backend> adds, List<Backend> updates, List<Backend> removes) {
        this.adds = List.copyOf(adds);
        this.updates = List.copyOf(updates);
        this.removes = List.copyOf(removes);
    }

    public static Changes none() {
        return NONE;
    }

    public static Changes of(List<Backend> adds, List<Backend> updates, List<Backend> removes) {
        return new Changes(adds, updates, removes);
    }

    /** The writes of a plan. */
    public static Changes of(GroupPlan plan) {
        return new Changes(plan.adds(), plan.updates(), plan.removes());
    }

    /** These changes and {@code more}. */
    public Changes plus(Changes more) {
        return new Changes(concat(adds, more.adds), concat(updates, more.updates), concat(removes, more.removes));
    }

    /**
     * These changes less those at the same keys in {@code other}, change by change: against what a
     * describe still asks for, what is done; against what is done, what is left.
     */
    public Changes without(Changes other) {
        return new Changes(missing(adds, other.adds), missing(updates, other.updates), missing(removes, other.removes));
    }

    public List<Backend> adds() { return adds; }
    public List<Backend> updates() { return updates; }
    public List<Backend> removes() { return removes; }
    public boolean isEmpty() { return adds.isEmpty() && updates.isEmpty() && removes.isEmpty(); }
    public int size() { return adds.size() + updates.size() + removes.size(); }

    private static List<Backend> concat(List<Backend> a, List<Backend> b) {
        List<Backend> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Backend> missing(List<Backend> from, List<Backend> still) {
        Set<BackendKey> keys = still.stream().map(Backend::key).collect(Collectors.toSet());
        return from.stream().filter(b -> !keys.contains(b.key())).collect(Collectors.toList());
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Changes)) return false;
        Changes c = (Changes) o;
        return adds.equals(c.adds) && updates.equals(c.updates) && removes.equals(c.removes);
    }
    @Override public int hashCode() { return Objects.hash(adds, updates, removes); }
    @Override public String toString() {
        return adds.size() + " adds, " + updates.size() + " re-weights, " + removes.size() + " removals";
    }
}
