package com.clbsync.sync;

import com.clbsync.clb.VServerGroup;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.model.Refresh;
import com.clbsync.model.ServiceName;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.DesiredState;
import com.clbsync.plan.Removable;
import com.clbsync.plan.ServiceRef;
import com.clbsync.plan.ServiceTarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link SyncScope} into what to read again in each cluster (with a warm snapshot), into the
 * vServer groups to visit once the clusters have been read (never a group the CCM made for itself), and
 * into what the run may remove.
 */
final class ScopeResolver {

    private ScopeResolver() {
    }

    /** Whether the scope needs the scanned CLBs' group lists (a Service may have left groups it no longer maps). */
    static boolean needsScan(SyncScope scope) {
        return scope.isFull() || scope.objects().stream().anyMatch(o -> o.kind().namesAService());
    }

    /**
     * What to read again in {@code cluster} on top of its warm snapshot: the Services, Services'
     * EndpointSlices and Nodes the scope names there (nothing: the snapshot as it is); empty when the
     * cluster must be read in full (a full run, or a change there not pinned to such objects).
     */
    static Optional<Refresh> refreshOf(SyncScope scope, String cluster, ClusterSnapshot cached) {
        if (scope.isFull() || scope.clusters().contains(cluster)) {
            return Optional.empty();
        }
        Set<ServiceName> services = new TreeSet<>();
        Set<String> nodes = new TreeSet<>();
        for (ObjectRef o : scope.objects()) {
            if (!o.cluster().equals(cluster)) {
                continue;
            }
            if (o.kind() == ObjectKind.SERVICE) {
                services.add(ServiceName.of(o.namespace(), o.name()));
            } else if (o.kind() == ObjectKind.NODE) {
                nodes.add(o.name());
            } else if (!o.kind().namesAService()) {
                return Optional.empty(); // a Pod: which Services is unknown
            }
        }
        return Optional.of(Refresh.of(services, servicesNamed(scope, cluster, cached), nodes));
    }

    /** Each Service the scope names in the cluster, itself or by its Endpoints or slices. */
    static Set<ServiceName> servicesNamed(SyncScope scope, String cluster, ClusterSnapshot snapshot) {
        Set<ServiceName> out = new TreeSet<>();
        for (ObjectRef o : scope.objects()) {
            if (o.cluster().equals(cluster) && o.kind().namesAService()) {
                out.add(ServiceName.of(o.namespace(), serviceName(o, snapshot)));
            }
        }
        return out;
    }

    static Set<String> groups(SyncScope scope, DesiredState desired, List<ClusterView> views, Set<String> scanned) {
        Set<String> out = new TreeSet<>();
        Map<String, List<ServiceTarget>> referenced = desired.targetsByGroup();
        if (scope.isFull()) {
            out.addAll(referenced.keySet());
            out.addAll(scanned);
            return out;
        }
        Map<String, Set<ServiceName>> services = new HashMap<>(); // by cluster, each resolved once
        Set<String> wholeClusters = new TreeSet<>(scope.clusters()); // a Node feeds every group of its cluster
        for (ObjectRef o : scope.objects()) {
            if (o.kind().namesAService()) {
                services.computeIfAbsent(o.cluster(), c -> new HashSet<>()).add(ServiceName.of(o.namespace(), serviceName(o, views)));
            } else {
                wholeClusters.add(o.cluster());
            }
        }
        referenced.forEach((group, targets) -> {
            for (ServiceTarget t : targets) {
                ServiceRef s = t.service();
                if (wholeClusters.contains(s.cluster()) || services.getOrDefault(s.cluster(), Set.of()).contains(s.id())) {
                    out.add(group);
                }
            }
        });
        if (needsScan(scope)) {
            out.addAll(scanned);
        }
        return out;
    }

    /**
     * Whether a group found by scanning is one the CCM created for a Service of its own (named
     * {@code k8s/...}, as the CCM names them, and wanted by no Service): never described or written.
     */
    static boolean createdByCcm(String groupId, Map<String, VServerGroup> scanned, DesiredState desired) {
        VServerGroup listed = scanned.get(groupId);
        return listed != null && !desired.targetsByGroup().containsKey(groupId)
                && BackendDescription.ownerOf(listed.name()).isPresent();
    }

    /**
     * What a run may remove: everything in a full run; in a targeted one only what it read afresh
     * (snapshots may be older than another writer's additions under the same owner): the clusters read in
     * full, the Services it names, the instances of the Nodes it read again.
     */
    static Removable removable(SyncScope scope, Set<String> readInFull, Set<String> instancesReadAfresh,
                               List<ClusterView> views) {
        if (scope.isFull()) {
            return Removable.all();
        }
        Set<String> owners = new TreeSet<>();
        List<ServiceRef> services = new ArrayList<>();
        for (ClusterView v : views) {
            if (readInFull.contains(v.name())) {
                owners.add(v.ownerId());
            }
            servicesNamed(scope, v.name(), v.snapshot()).forEach(s -> services.add(ServiceRef.of(v.name(), v.ownerId(),
                    s.namespace(), s.name())));
        }
        return Removable.readAfresh(owners, services, instancesReadAfresh);
    }

    /** The Service an object stands for: itself, the Endpoints of the same name, or the EndpointSlice's owner. */
    static String serviceName(ObjectRef o, List<ClusterView> views) {
        ClusterSnapshot snapshot = views.stream().filter(v -> v.name().equals(o.cluster())).map(ClusterView::snapshot)
                .findFirst().orElse(ClusterSnapshot.of(List.of(), List.of(), List.of()));
        return serviceName(o, snapshot);
    }

    /** As {@link #serviceName(ObjectRef, List)}, from the object's cluster's snapshot. */
    static String serviceName(ObjectRef o, ClusterSnapshot snapshot) {
        if (o.kind() != ObjectKind.ENDPOINT_SLICE) {
            return o.name();
        }
        for (KubeEndpointSlice slice : snapshot.slices()) {
            if (slice.namespace().equals(o.namespace()) && slice.name().equals(o.name())) {
                return slice.serviceName();
            }
        }
        // a deleted slice: generated names are <service>-<suffix>
        int dash = o.name().lastIndexOf('-');
        return dash > 0 ? o.name().substring(0, dash) : o.name();
    }
}
