package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.GroupPlan;
import com.google.auto.value.AutoValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Adds, re-weights and removals of one group: made by a run, or still to be made. */
@AutoValue
public abstract class Changes {
    private static final Changes NONE = of(List.of(), List.of(), List.of());

    public abstract List<Backend> adds();
    public abstract List<Backend> updates();
    public abstract List<Backend> removes();

    public static Changes none() {
        return NONE;
    }

    public static Changes of(List<Backend> adds, List<Backend> updates, List<Backend> removes) {
        return new AutoValue_Changes(List.copyOf(adds), List.copyOf(updates), List.copyOf(removes));
    }

    /** The writes of a plan. */
    public static Changes of(GroupPlan plan) {
        return of(plan.adds(), plan.updates(), plan.removes());
    }

    /** These changes and {@code more}. */
    public Changes plus(Changes more) {
        return of(concat(adds(), more.adds()), concat(updates(), more.updates()), concat(removes(), more.removes()));
    }

    /**
     * These changes less those at the same keys in {@code other}, change by change: against what a
     * describe still asks for, what is done; against what is done, what is left.
     */
    public Changes without(Changes other) {
        return of(missing(adds(), other.adds()), missing(updates(), other.updates()), missing(removes(), other.removes()));
    }

    public boolean isEmpty() { return adds().isEmpty() && updates().isEmpty() && removes().isEmpty(); }
    public int size() { return adds().size() + updates().size() + removes().size(); }

    private static List<Backend> concat(List<Backend> a, List<Backend> b) {
        List<Backend> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Backend> missing(List<Backend> from, List<Backend> still) {
        Set<BackendKey> keys = still.stream().map(Backend::key).collect(Collectors.toSet());
        return from.stream().filter(b -> !keys.contains(b.key())).collect(Collectors.toList());
    }

    @Override public String toString() {
        return adds().size() + " adds, " + updates().size() + " re-weights, " + removes().size() + " removals";
    }
}
