package com.clbsync.plan;

import java.util.Objects;

/** A Service that clb-sync will not act on this run (bad annotation, unsupported mode): its backends stay as they are. */
public final class FrozenService {
    private final ServiceRef service;
    private final String reason;

    private FrozenService(ServiceRef service, String reason) {
        this.service = Objects.requireNonNull(service, "service");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static FrozenService of(ServiceRef service, String reason) {
        return new FrozenService(service, reason);
    }

    public ServiceRef service() { return service; }
    public String reason() { return reason; }

    @Override public boolean equals(Object o) {
        return o instanceof FrozenService && service.equals(((FrozenService) o).service)
                && reason.equals(((FrozenService) o).reason);
    }
    @Override public int hashCode() { return Objects.hash(service, reason); }
    @Override public String toString() { return service.cluster() + ": " + service.namespace() + "/" + service.name() + ": " + reason; }
}
