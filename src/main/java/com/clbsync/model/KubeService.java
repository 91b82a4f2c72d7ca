package com.clbsync.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The parts of a Kubernetes Service that clb-sync reads. */
public final class KubeService {
    private final String namespace;
    private final String name;
    private final Map<String, String> annotations;
    private final boolean localTrafficPolicy;
    private final List<ServicePort> ports;
    private final String uid;

    private KubeService(String namespace, String name, Map<String, String> annotations,
                        boolean localTrafficPolicy, List<ServicePort> ports, String uid) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.annotations = annotations == null ? Map.of() : Map.copyOf(new TreeMap<>(annotations));
        this.localTrafficPolicy = localTrafficPolicy;
        this.ports = ports == null ? List.of() : List.copyOf(ports);
        this.uid = uid == null ? "" : uid;
    }

    public static KubeService of(String namespace, String name, Map<String, String> annotations,
                                 boolean localTrafficPolicy, List<ServicePort> ports) {
        return new KubeService(namespace, name, annotations, localTrafficPolicy, ports, "");
    }

    /** The same Service with its {@code metadata.uid} (Events name the Service by it). */
    public KubeService withUid(String newUid) {
        return new KubeService(namespace, name, annotations, localTrafficPolicy, ports, newUid);
    }

    public String namespace() { return namespace; }
    public String name() { return name; }
    /** Its {@code namespace/name}. */
    public ServiceName id() { return ServiceName.of(namespace, name); }
    public Map<String, String> annotations() { return annotations; }
    /** {@code spec.externalTrafficPolicy: Local}. */
    public boolean localTrafficPolicy() { return localTrafficPolicy; }
    public List<ServicePort> ports() { return ports; }
    /** {@code metadata.uid}; empty when not known. */
    public String uid() { return uid; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof KubeService)) return false;
        KubeService s = (KubeService) o;
        return namespace.equals(s.namespace) && name.equals(s.name) && annotations.equals(s.annotations)
                && localTrafficPolicy == s.localTrafficPolicy && ports.equals(s.ports) && uid.equals(s.uid);
    }
    @Override public int hashCode() { return Objects.hash(namespace, name, annotations, localTrafficPolicy, ports, uid); }
    @Override public String toString() { return namespace + "/" + name; }
}
