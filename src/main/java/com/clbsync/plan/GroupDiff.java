package com.clbsync.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure diff of a vServer group, keyed by {@link BackendKey}: what to add, re-weight and remove so
 * that the group holds the desired backends, touching only owned, unfrozen backends, and draining
 * unwanted live ones first when a drain time is set.
 */
public final class GroupDiff {
    private static final Comparator<Backend> BY_KEY = Comparator.comparing(Backend::key);

    private GroupDiff() {
    }

    public static GroupPlan compute(List<Backend> current, DesiredGroup desired, Ownership ownership, Freeze freeze) {
        return compute(current, desired, ownership, freeze, Drain.none());
    }

    /** As {@link #compute(List, DesiredGroup, Ownership, Freeze)}, unwanted live backends drained first. */
    public static GroupPlan compute(List<Backend> current, DesiredGroup desired, Ownership ownership, Freeze freeze,
                                    Drain drain) {
        Map<BackendKey, Backend> want = desired.backends();
        List<Backend> adds = new ArrayList<>();
        List<Backend> updates = new ArrayList<>();
        List<Backend> removes = new ArrayList<>();
        List<Backend> unchanged = new ArrayList<>();
        List<Backend> foreign = new ArrayList<>();
        List<Backend> kept = new ArrayList<>();
        List<Backend> draining = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Set<BackendKey> present = new HashSet<>();

        for (Backend have : sorted(current)) {
            if (!present.add(have.key())) {
                continue; // the CLB holds one backend per key; ignore a repeated row
            }
            Backend wanted = want.get(have.key());
            Optional<String> owner = ownership.ownerOf(have);
            if (owner.isEmpty()) {
                foreign.add(have);
                if (wanted != null) {
                    conflicts.add(have.key() + ": wanted for " + wanted.description() + " but held by a backend clb-sync"
                            + " does not own (" + quote(have.description()) + "); left alone");
                }
            } else if (freeze.reason(have, owner.get()).isPresent()) {
                kept.add(have);
            } else if (wanted == null && freeze.removalHeld(have, owner.get()).isPresent()) {
                kept.add(have);
            } else if (wanted == null) {
                Drain.Step step = drain.step(have);
                if (step == Drain.Step.REMOVE) {
                    removes.add(have);
                } else {
                    draining.add(have);
                    if (step == Drain.Step.ZERO) {
                        updates.add(have.withWeight(0));
                    }
                }
            } else {
                Backend target = desired.weightLocked().contains(have.key()) ? wanted.withWeight(have.weight()) : wanted;
                if (target.sameSettingsAs(have)) {
                    unchanged.add(have);
                } else {
                    updates.add(target);
                }
            }
        }
        for (Backend wanted : want.values()) {
            if (!present.contains(wanted.key()) && !desired.keepOnly().contains(wanted.key())) {
                adds.add(wanted);
            }
        }
        desired.contested().forEach((key, services) -> conflicts.add(key + ": wanted by several Services ("
                + services.stream().map(ServiceRef::toString).collect(Collectors.joining(", "))
                + "); left alone"));
        adds.sort(BY_KEY);
        return GroupPlan.of(adds, updates, removes, unchanged, foreign, kept, conflicts).withDraining(draining);
    }

    private static List<Backend> sorted(List<Backend> backends) {
        List<Backend> copy = new ArrayList<>(backends);
        copy.sort(BY_KEY);
        return copy;
    }

    private static String quote(String description) {
        return description.isEmpty() ? "no description" : "description \"" + description + "\"";
    }
}
