package com.clbsync.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What every referenced vServer group should hold (the Services feeding it, before weights), the
 * Services that must be frozen, and what is still alive in the clusters read: the ECS instances of
 * their nodes and the IPs of their endpoints (a backend on either may still carry connections).
 */
public final class DesiredState {
    private final Map<String, List<ServiceTarget>> targetsByGroup;
    private final List<FrozenService> frozenServices;
    private final List<String> warnings;
    private final Set<String> liveInstances;
    private final Set<String> liveAddresses;
    private final Set<String> heldAddresses;

    private DesiredState(Map<String, List<ServiceTarget>> targetsByGroup, List<FrozenService> frozenServices,
                         List<String> warnings, Set<String> liveInstances, Set<String> liveAddresses,
                         Set<String> heldAddresses) {
        TreeMap<String, List<ServiceTarget>> copy = new TreeMap<>();
        targetsByGroup.forEach((g, t) -> copy.put(g, List.copyOf(t)));
        this.targetsByGroup = Collections.unmodifiableMap(copy);
        this.frozenServices = List.copyOf(frozenServices);
        this.warnings = List.copyOf(warnings);
        this.liveInstances = Set.copyOf(liveInstances);
        this.liveAddresses = Set.copyOf(liveAddresses);
        this.heldAddresses = Set.copyOf(heldAddresses);
    }

    public static DesiredState of(Map<String, List<ServiceTarget>> targetsByGroup, List<FrozenService> frozenServices,
                                  List<String> warnings) {
        return new DesiredState(targetsByGroup, frozenServices, warnings, Set.of(), Set.of(), Set.of());
    }

    /**
     * The same, knowing what still lives in the clusters read: the ECS instances of their nodes and their
     * endpoint IPs; and the pod IPs whose ENI was not found ({@code held}: a backend at such an IP is left as it is).
     */
    public DesiredState withLive(Set<String> instances, Set<String> podIps, Set<String> held) {
        return new DesiredState(targetsByGroup, frozenServices, warnings, instances, podIps, held);
    }

    /** Group id to the Services mapping into it, ordered by group id. */
    public Map<String, List<ServiceTarget>> targetsByGroup() { return targetsByGroup; }
    public List<FrozenService> frozenServices() { return frozenServices; }
    public Set<ServiceRef> frozenServiceRefs() {
        return frozenServices.stream().map(FrozenService::service).collect(Collectors.toSet());
    }
    /** Pod IPs without an ENI this run: backends at them are neither added nor removed. */
    public Set<String> heldAddresses() { return heldAddresses; }

    /**
     * Whether what the backend points at still exists: its node's instance (ECS), or its pod IP among
     * the endpoints read (ENI). A live backend is drained before it is removed; a dead one goes at once.
     */
    public boolean isLive(Backend backend) {
        return backend.type().hasIp() ? liveAddresses.contains(backend.serverIp()) : liveInstances.contains(backend.serverId());
    }

    public List<String> warnings() { return warnings; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof DesiredState)) return false;
        DesiredState d = (DesiredState) o;
        return targetsByGroup.equals(d.targetsByGroup) && frozenServices.equals(d.frozenServices) && warnings.equals(d.warnings)
                && liveInstances.equals(d.liveInstances) && liveAddresses.equals(d.liveAddresses)
                && heldAddresses.equals(d.heldAddresses);
    }
    @Override public int hashCode() {
        return Objects.hash(targetsByGroup, frozenServices, warnings, liveInstances, liveAddresses, heldAddresses);
    }
    @Override public String toString() { return targetsByGroup.keySet() + " frozen=" + frozenServices; }
}
