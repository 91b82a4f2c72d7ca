package com.clbsync.plan;

import java.util.Arrays;
import java.util.Optional;

/** What a vServer group backend is: an ECS instance, or a pod's elastic network interface or ECI. */
public enum BackendType {
    ECS("ecs"),
    ENI("eni"),
    ECI("eci"),
    /**
     * A type a describe answer names that this version does not know: kept as it is, never owned, never
     * written (and never a value of the backend-type annotation).
     */
    OTHER("other");

    private final String key;

    BackendType(String key) {
        this.key = key;
    }

    /** Its name in {@code service.beta.kubernetes.io/backend-type} and in reports (each API has its own spelling). */
    public String key() {
        return key;
    }

    /** The known type named {@code text} (case-insensitive), or empty; never {@link #OTHER}. */
    public static Optional<BackendType> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v != OTHER && v.key.equals(t)).findFirst();
    }

    /** ENI and ECI backends are identified by their IP too (and one of an unknown type, whatever it holds). */
    public boolean hasIp() {
        return this != ECS;
    }

    @Override public String toString() { return key; }
}
