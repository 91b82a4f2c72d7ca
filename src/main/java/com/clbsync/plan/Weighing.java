package com.clbsync.plan;

import com.google.auto.value.AutoValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A weight policy's answer for one group: each Service's weighted backends, the shares, and remarks. */
@AutoValue
public abstract class Weighing {
    /** Each Service's weighted backends (held keys at their current weight). */
    public abstract Map<ServiceRef, List<Backend>> backends();
    /** Each Service's wanted and achieved share. */
    public abstract List<ServiceShare> shares();
    /** Remarks for the report (a group mixing annotated and plain Services, shares out of reach). */
    public abstract List<String> notes();
    /** Backends of retired owners kept this run, at their (ramped-down) weights; the others leave. */
    public abstract List<Backend> retired();
    /** Each Service's ramp, while one is under way in the group. */
    public abstract List<ServiceRamp> ramps();
    /** Whether this run takes a ramp step (the group's step clock starts again when it is applied). */
    public abstract boolean stepped();

    public static Weighing of(Map<ServiceRef, List<Backend>> backends, List<ServiceShare> shares, List<String> notes) {
        return of(backends, shares, notes, List.of(), List.of(), false);
    }

    public static Weighing of(Map<ServiceRef, List<Backend>> backends, List<ServiceShare> shares, List<String> notes,
                              List<Backend> retired, List<ServiceRamp> ramps, boolean stepped) {
        LinkedHashMap<ServiceRef, List<Backend>> copy = new LinkedHashMap<>();
        backends.forEach((s, b) -> copy.put(s, List.copyOf(b)));
        return new AutoValue_Weighing(Collections.unmodifiableMap(copy), List.copyOf(shares), List.copyOf(notes),
                List.copyOf(retired), List.copyOf(ramps), stepped);
    }

    /**
     * Each Service's achieved share of the group's traffic to managed backends, held ones included at
     * their current weights; {@code wanted} gives the wanted share (null: no weight annotation).
     */
    public static List<ServiceShare> shares(List<ServiceTarget> targets, Map<ServiceRef, List<Backend>> weighted,
                                            HeldWeights held, Function<ServiceTarget, Double> wanted) {
        return shares(targets, weighted, held, wanted, 0);
    }

    /** The same, with {@code others} more weight in the traffic (retired owners' backends still in it). */
    public static List<ServiceShare> shares(List<ServiceTarget> targets, Map<ServiceRef, List<Backend>> weighted,
                                            HeldWeights held, Function<ServiceTarget, Double> wanted, long others) {
        Map<ServiceRef, Long> sums = new HashMap<>();
        long all = held.unattributed() + others;
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

    @Override public String toString() { return backends() + " " + shares() + " " + notes(); }
}
