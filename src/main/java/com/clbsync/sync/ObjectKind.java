package com.clbsync.sync;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of Kubernetes object whose changes can move backends, as events and audit records name them. */
public enum ObjectKind {
    SERVICE("Service", "services"),
    ENDPOINT_SLICE("EndpointSlice", "endpointslices"),
    ENDPOINTS("Endpoints", "endpoints"),
    NODE("Node", "nodes"),
    POD("Pod", "pods");

    private final String kind;
    private final String resource;

    ObjectKind(String kind, String resource) {
        this.kind = kind;
        this.resource = resource;
    }

    /** As in {@code kind:} ({@code EndpointSlice}). */
    public String kind() { return kind; }
    /** As in an API path or an audit record ({@code endpointslices}). */
    public String resource() { return resource; }

    public static Optional<ObjectKind> ofKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }

    public static Optional<ObjectKind> ofResource(String resource) {
        return Arrays.stream(values()).filter(k -> k.resource.equals(resource)).findFirst();
    }

    /** A change to an object of this kind names groups through its Service; else it concerns its whole cluster. */
    public boolean namesAService() {
        return this == SERVICE || this == ENDPOINT_SLICE || this == ENDPOINTS;
    }

    @Override public String toString() { return kind; }
}
