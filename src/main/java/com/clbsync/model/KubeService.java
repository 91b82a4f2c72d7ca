package com.clbsync.model;

import com.google.auto.value.AutoValue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parts of a Kubernetes Service that clb-sync reads. */
@AutoValue
public abstract class KubeService {
    public abstract String namespace();
    public abstract String name();
    public abstract Map<String, String> annotations();
    /** {@code spec.externalTrafficPolicy: Local}. */
    public abstract boolean localTrafficPolicy();
    public abstract List<ServicePort> ports();
    /** {@code metadata.uid}; empty when not known. */
    public abstract String uid();
    /** {@code spec.loadBalancerClass}; empty when not set. */
    public abstract String loadBalancerClass();

    public static KubeService of(String namespace, String name, Map<String, String> annotations,
                                 boolean localTrafficPolicy, List<ServicePort> ports) {
        return new AutoValue_KubeService(namespace, name, annotations == null ? Map.of() : Map.copyOf(new TreeMap<>(annotations)),
                localTrafficPolicy, ports == null ? List.of() : List.copyOf(ports), "", "");
    }

    /** The same Service with its {@code metadata.uid} (Events name the Service by it). */
    public KubeService withUid(String newUid) {
        return new AutoValue_KubeService(namespace(), name(), annotations(), localTrafficPolicy(), ports(),
                newUid == null ? "" : newUid, loadBalancerClass());
    }

    /** The same Service with this {@code spec.loadBalancerClass}. */
    public KubeService withLoadBalancerClass(String lbClass) {
        return new AutoValue_KubeService(namespace(), name(), annotations(), localTrafficPolicy(), ports(), uid(),
                lbClass == null ? "" : lbClass);
    }

    /** Its {@code namespace/name}. */
    public ServiceName id() { return ServiceName.of(namespace(), name()); }

    @Override public String toString() { return namespace() + "/" + name(); }
}
