package com.clbsync.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A group's ramp, decided from what the group holds now: the fractions of the ramped traffic (the weighted
 * Services' backends and retired owners') move towards the wanted ones by at most the step, on one line
 * (every fraction the same part of its way, so they still add up), and only when the gate allows: the
 * step's time has come and every Service whose share rises is mostly healthy. While it waits, every
 * present backend keeps its weight and new ones join at 0 (the load balancer checks their health
 * meanwhile). Nothing waits that safety asks for: a Service with no serving endpoint goes to 0 at once,
 * and moves smaller than half a point (a node more or less) are no step.
 */
final class Ramping {
    /** Fractions this close count as equal. */
    private static final double EPSILON = 1e-9;
    /** A step that overshoots after rounding is tried again this much shorter, this many times. */
    private static final double SHORTEN = 0.0025;
    private static final int TRIES = 40;

    /** The weights chosen, each Service's ramp, whether this is a step, and why it waits. */
    static final class Result {
        final GlobalWeights.Solved solved;
        final List<ServiceRamp> ramps;
        final boolean stepped;
        final List<String> notes;

        Result(GlobalWeights.Solved solved, List<ServiceRamp> ramps, boolean stepped, List<String> notes) {
            this.solved = solved;
            this.ramps = ramps;
            this.stepped = stepped;
            this.notes = notes;
        }
    }

    private Ramping() {
    }

    static Result weigh(List<ServiceTarget> balanced, HeldWeights held, RampGate gate, GlobalWeights solver) {
        Map<ServiceRef, Double> wanted = GlobalWeights.wantedFractions(balanced);
        GlobalWeights.Solved free = solver.solve(balanced, held, wanted, 0);
        List<ServiceTarget> ramped = balanced.stream().filter(t -> !GlobalWeights.nothingServes(t)).collect(Collectors.toList());
        long current = ramped.stream().mapToLong(t -> held.currentOf(t.service())).sum() + held.retiredWeight();
        double wantedSum = ramped.stream().mapToDouble(t -> wanted.get(t.service())).sum();
        if (!gate.ramp().isOn() || current == 0 || wantedSum == 0) {
            return new Result(free, List.of(), false, List.of()); // nothing to ramp from, or to
        }
        Map<ServiceRef, Double> now = new LinkedHashMap<>();
        ramped.forEach(t -> now.put(t.service(), (double) held.currentOf(t.service()) / current));
        double retiredNow = (double) held.retiredWeight() / current;
        double whole = move(fractions(ramped, free), now, retiredNow);
        if (whole <= GlobalWeights.REPORT_ERROR) {
            return new Result(free, List.of(), false, List.of()); // at the target (within rounding): no ramp
        }
        double step = gate.ramp().step();
        List<String> waits = new ArrayList<>();
        gate.nextStepAt().ifPresent(at -> waits.add("the next step may come at " + at));
        GlobalWeights.Solved next = waits.isEmpty() && whole > step + EPSILON
                ? shortStep(balanced, ramped, held, solver, wanted, now, retiredNow, step) : free;
        List<String> unhealthy = waits.isEmpty() && gate.ramp().healthGate()
                ? healthWaits(ramped, held, gate, fractions(ramped, next), now) : List.of();
        waits.addAll(unhealthy);
        boolean health = !unhealthy.isEmpty();
        boolean stepping = waits.isEmpty();
        GlobalWeights.Solved chosen = stepping ? next : hold(balanced, held, free);
        Map<ServiceRef, Double> reached = fractions(ramped, chosen);
        String why = String.join("; ", waits);
        List<ServiceRamp> ramps = ramped.stream().map(t -> ServiceRamp.of(t.service(), now.get(t.service()),
                reached.get(t.service()), wanted.get(t.service()), why, health)).collect(Collectors.toList());
        List<String> notes = new ArrayList<>();
        if (!stepping) {
            notes.add("ramp: the step waits: " + why);
        }
        if (!held.retired().isEmpty()) {
            notes.add(String.format("ramp: retired owners' backends carry %.1f%% of the ramped traffic, going to %.1f%%",
                    100 * retiredNow, 100 * retiredOf(chosen, reached)));
        }
        return new Result(chosen, ramps, stepping, notes);
    }

    /** A step of at most {@code step} from {@code now} along the line to the wanted fractions, shortened until the integer weights keep to it. */
    private static GlobalWeights.Solved shortStep(List<ServiceTarget> balanced, List<ServiceTarget> ramped, HeldWeights held,
                                                 GlobalWeights solver, Map<ServiceRef, Double> wanted,
                                                 Map<ServiceRef, Double> now, double retiredNow, double step) {
        double distance = retiredNow;
        for (ServiceTarget t : ramped) {
            distance = Math.max(distance, Math.abs(wanted.get(t.service()) - now.get(t.service())));
        }
        GlobalWeights.Solved solved = null;
        for (int i = 0; i < TRIES; i++) {
            double alpha = Math.max(0, step - i * SHORTEN) / distance;
            Map<ServiceRef, Double> target = new HashMap<>();
            for (ServiceTarget t : balanced) {
                double from = now.getOrDefault(t.service(), 0.0);
                target.put(t.service(), now.containsKey(t.service()) ? from + alpha * (wanted.get(t.service()) - from) : 0.0);
            }
            solved = solver.solve(balanced, held, target, retiredNow * (1 - alpha));
            if (move(fractions(ramped, solved), now, retiredNow, retiredOf(solved, fractions(ramped, solved))) <= step + EPSILON) {
                return solved;
            }
        }
        return solved;
    }

    /** Why a step that raises a Service's share must wait for the load balancer's health check, if it must. */
    private static List<String> healthWaits(List<ServiceTarget> ramped, HeldWeights held, RampGate gate,
                                            Map<ServiceRef, Double> to, Map<ServiceRef, Double> now) {
        List<String> waits = new ArrayList<>();
        for (ServiceTarget t : ramped) {
            if (to.get(t.service()) <= now.get(t.service()) + EPSILON) {
                continue;
            }
            if (gate.health().isEmpty()) {
                waits.add(t.service() + "'s share would rise, but the health check could not be read: "
                        + gate.healthUnread());
                continue;
            }
            ServiceHealth h = ServiceHealth.measure(t, held, gate);
            if (!h.mostlyHealthy()) {
                waits.add(h.all() == 0 ? t.service() + " has no backend in the group yet: they join at weight 0"
                        + " and the share rises once the health check finds most of them normal"
                        : t.service() + " has " + h.healthy() + " of " + h.all() + " backends normal in the health check");
            }
        }
        return waits;
    }

    /** Every present backend keeps its weight, new ones join at 0; a Service with nothing serving goes to 0. */
    private static GlobalWeights.Solved hold(List<ServiceTarget> balanced, HeldWeights held, GlobalWeights.Solved free) {
        Map<ServiceRef, List<Backend>> out = new LinkedHashMap<>();
        for (ServiceTarget t : balanced) {
            List<Backend> backends = new ArrayList<>();
            for (BackendKey key : t.podsByBackend().keySet()) {
                int weight = held.holds(key) ? held.weightOf(key) : GlobalWeights.nothingServes(t) ? 0 : held.presentWeight(key).orElse(0);
                backends.add(t.backend(key, weight));
            }
            out.put(t.service(), backends);
        }
        return new GlobalWeights.Solved(out, held.retired(), List.of(), free.frozenShare);
    }

    /** Each ramped Service's fraction of the ramped traffic these weights give. */
    private static Map<ServiceRef, Double> fractions(List<ServiceTarget> ramped, GlobalWeights.Solved solved) {
        Map<ServiceRef, Long> sums = new LinkedHashMap<>();
        ramped.forEach(t -> sums.put(t.service(), solved.backends.getOrDefault(t.service(), List.of()).stream()
                .mapToLong(Backend::weight).sum()));
        long all = sums.values().stream().mapToLong(Long::longValue).sum()
                + solved.retired.stream().mapToLong(Backend::weight).sum();
        Map<ServiceRef, Double> out = new LinkedHashMap<>();
        sums.forEach((s, w) -> out.put(s, all == 0 ? 0 : (double) w / all));
        return out;
    }

    private static double retiredOf(GlobalWeights.Solved solved, Map<ServiceRef, Double> fractions) {
        return solved.retired.isEmpty() ? 0 : Math.max(0, 1 - fractions.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** The largest move of any fraction from now, the retired part going to 0. */
    private static double move(Map<ServiceRef, Double> to, Map<ServiceRef, Double> now, double retiredNow) {
        return move(to, now, retiredNow, 0);
    }

    private static double move(Map<ServiceRef, Double> to, Map<ServiceRef, Double> now, double retiredNow, double retiredTo) {
        double most = Math.abs(retiredNow - retiredTo);
        for (Map.Entry<ServiceRef, Double> e : now.entrySet()) {
            most = Math.max(most, Math.abs(to.get(e.getKey()) - e.getValue()));
        }
        return most;
    }
}
