package com.clbsync.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every referenced vServer group with the Services feeding it, plus the Services that were frozen. */
public final class DesiredState {
    private final Map<String, List<ServiceTarget>> targetsByGroup;
    private final List<FrozenService> frozenServices;
    private final List<String> warnings;
    private final Set<String> liveInstances;

    private DesiredState(Map<String, List<ServiceTarget>> targetsByGroup, List<FrozenService> frozenServices,
                         List<String> warnings, Set<String> liveInstances) {
        TreeMap<String, List<ServiceTarget>> copy = new TreeMap<>();
        targetsByGroup.forEach((g, t) -> copy.put(g, List.copyOf(t)));
        this.targetsByGroup = Collections.unmodifiableMap(copy);
        this.frozenServices = List.copyOf(frozenServices);
        this.warnings = List.copyOf(warnings);
        this.liveInstances = Set.copyOf(liveInstances);
    }

    public static DesiredState of(Map<String, List<ServiceTarget>> targetsByGroup, List<FrozenService> frozenServices,
                                  List<String> warnings) {
        return new DesiredState(targetsByGroup, frozenServices, warnings, Set.of());
    }

    /** The same, knowing the ECS instances of every node read. */
    public DesiredState withLiveInstances(Set<String> instances) {
        return new DesiredState(targetsByGroup, frozenServices, warnings, instances);
    }

    /** Group id to the Services mapping into it, ordered by group id. */
    public Map<String, List<ServiceTarget>> targetsByGroup() { return targetsByGroup; }
    public List<FrozenService> frozenServices() { return frozenServices; }
    public Set<ServiceRef> frozenServiceRefs() {
        return frozenServices.stream().map(FrozenService::service).collect(Collectors.toSet());
    }
    /** The ECS instances of the nodes of every cluster read: a backend on any other is on a deleted node. */
    public Set<String> liveInstances() { return liveInstances; }
    /** Node-level problems that froze nothing (for example a node whose providerID does not parse). */
    public List<String> warnings() { return warnings; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof DesiredState)) return false;
        DesiredState d = (DesiredState) o;
        return targetsByGroup.equals(d.targetsByGroup) && frozenServices.equals(d.frozenServices) && warnings.equals(d.warnings)
                && liveInstances.equals(d.liveInstances);
    }
    @Override public int hashCode() { return Objects.hash(targetsByGroup, frozenServices, warnings, liveInstances); }
    @Override public String toString() { return targetsByGroup.keySet() + " frozen=" + frozenServices; }
}
