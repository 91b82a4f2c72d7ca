package com.clbsync.sync;

import com.clbsync.model.KubeEndpointSlice;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.DesiredState;
import com.clbsync.plan.ServiceTarget;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns a {@link SyncScope} into the vServer groups to visit, once the clusters have been read. */
final class ScopeResolver {

    private ScopeResolver() {
    }

    /** Whether the scope needs the scanned CLBs' group lists (a Service may have left groups it no longer maps). */
    static boolean needsScan(SyncScope scope) {
        return scope.isFull() || !scope.objects().isEmpty();
    }

    static Set<String> groups(SyncScope scope, DesiredState desired, List<ClusterView> views, Set<String> scanned) {
        Set<String> out = new TreeSet<>();
        Map<String, List<ServiceTarget>> referenced = desired.targetsByGroup();
        if (scope.isFull()) {
            out.addAll(referenced.keySet());
            out.addAll(scanned);
            return out;
        }
        Set<String> services = new TreeSet<>(); // cluster/namespace/name, resolved once
        scope.objects().forEach(o -> services.add(o.cluster() + "/" + o.namespace() + "/" + serviceName(o, views)));
        referenced.forEach((group, targets) -> {
            for (ServiceTarget t : targets) {
                if (scope.clusters().contains(t.service().cluster()) || services.contains(t.service().toString())) {
                    out.add(group);
                }
            }
        });
        if (!scope.objects().isEmpty()) {
            out.addAll(scanned);
        }
        return out;
    }

    /** The Service an object stands for: itself, the Endpoints of the same name, or the EndpointSlice's owner. */
    static String serviceName(ObjectRef o, List<ClusterView> views) {
        if (o.kind() != ObjectKind.ENDPOINT_SLICE) {
            return o.name();
        }
        for (ClusterView v : views) {
            if (v.name().equals(o.cluster())) {
                for (KubeEndpointSlice slice : v.snapshot().slices()) {
                    if (slice.namespace().equals(o.namespace()) && slice.name().equals(o.name())) {
                        return slice.serviceName();
                    }
                }
            }
        }
        // a deleted slice: generated names are <service>-<suffix>
        int dash = o.name().lastIndexOf('-');
        return dash > 0 ? o.name().substring(0, dash) : o.name();
    }
}
