package com.clbsync.emulator;

import com.clbsync.plan.BackendType;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CLB's own rules for a backend on the wire, as the API reference states them, kept apart from
 * clb-sync's codec so that a wire-format bug in clb-sync cannot be mirrored here: {@code Type} is
 * {@code ecs} (the default), {@code eni} or {@code eci}, the last two with a {@code ServerIp}; a
 * {@code Description} is at most 80 letters, digits, {@code - / . _}.
 */
final class WireTypes {
    static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9/._-]{0,80}");
    /** Each documented type, and the value tests see it as. */
    private static final Map<String, BackendType> TYPES = Map.of("ecs", BackendType.ECS, "eni", BackendType.ENI,
            "eci", BackendType.ECI);

    private WireTypes() {
    }

    /** The type a {@code Type} parameter names ({@code ecs} when empty), or null when the CLB would refuse it. */
    static BackendType type(String wire) {
        return wire.isEmpty() ? BackendType.ECS : TYPES.get(wire);
    }

    /** Whether a backend of this wire type needs a {@code ServerIp}. */
    static boolean needsIp(String wire) {
        return wire.equals("eni") || wire.equals("eci");
    }

    /** The {@code Type} the CLB answers for a backend it holds. */
    static String wire(BackendType type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no wire type for " + type));
    }
}
