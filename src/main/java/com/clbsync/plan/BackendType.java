package com.clbsync.plan;

import java.util.Arrays;
import java.util.Optional;

/** What a vServer group backend is: an ECS instance, or a pod's elastic network interface or ECI. */
public enum BackendType {
    ECS("ecs"),
    ENI("eni"),
    ECI("eci");

    private final String wire;

    BackendType(String wire) {
        this.wire = wire;
    }

    /** The value of the API's {@code Type} field and of {@code service.beta.kubernetes.io/backend-type}. */
    public String wire() {
        return wire;
    }

    /** The type named {@code text} (case-insensitive), or empty. */
    public static Optional<BackendType> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.wire.equals(t)).findFirst();
    }

    /** ENI and ECI backends are identified by their IP too. */
    public boolean hasIp() {
        return this != ECS;
    }

    @Override public String toString() { return wire; }
}
