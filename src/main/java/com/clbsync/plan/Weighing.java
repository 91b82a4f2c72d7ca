package com.clbsync.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** A weight policy's answer for one group: each Service's weighted backends, the shares, and remarks. */
public final class Weighing {
    private final Map<ServiceRef, List<Backend>> backends;
    private final List<ServiceShare> shares;
    private final List<String> notes;

    private Weighing(Map<ServiceRef, List<Backend>> backends, List<ServiceShare> shares, List<String> notes) {
        LinkedHashMap<ServiceRef, List<Backend>> copy = new LinkedHashMap<>();
        backends.forEach((s, b) -> copy.put(s, List.copyOf(b)));
        this.backends = Collections.unmodifiableMap(copy);
        this.shares = List.copyOf(shares);
        this.notes = List.copyOf(notes);
    }

    public static Weighing of(Map<ServiceRef, List<Backend>> backends, List<ServiceShare> shares, List<String> notes) {
        return new Weighing(backends, shares, notes);
    }

    /**
     * Each Service's achieved share of the group's traffic to managed backends, held ones included at
     * their current weights; {@code wanted} gives the wanted share (null: no weight annotation).
     */
    public static List<ServiceShare> shares(List<ServiceTarget> targets, Map<ServiceRef, List<Backend>> weighted,
                                            HeldWeights held, Function<ServiceTarget, Double> wanted) {
        Map<ServiceRef, Long> sums = new HashMap<>();
        long all = held.unattributed();
        for (ServiceTarget t : targets) {
            long sum = held.heldOf(t.service());
            for (Backend b : weighted.getOrDefault(t.service(), List.of())) {
                sum += held.holds(b.key()) ? 0 : b.weight();
            }
            sums.put(t.service(), sum);
            all += sum;
        }
        List<ServiceShare> out = new ArrayList<>();
        for (ServiceTarget t : targets) {
            out.add(ServiceShare.of(t.service(), wanted.apply(t), all == 0 ? 0 : (double) sums.get(t.service()) / all));
        }
        return out;
    }

    /** Each Service's weighted backends (held keys at their current weight). */
    public Map<ServiceRef, List<Backend>> backends() { return backends; }
    /** Each Service's wanted and achieved share. */
    public List<ServiceShare> shares() { return shares; }
    /** Remarks for the report (a group mixing annotated and plain Services, shares out of reach). */
    public List<String> notes() { return notes; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Weighing)) return false;
        Weighing w = (Weighing) o;
        return backends.equals(w.backends) && shares.equals(w.shares) && notes.equals(w.notes);
    }
    @Override public int hashCode() { return Objects.hash(backends, shares, notes); }
    @Override public String toString() { return backends + " " + shares + " " + notes; }
}
