package com.clbsync.plan;

import java.util.Objects;

/** A Service that clb-sync will not act on this run (bad annotation, unsupported mode): its backends stay as they are. */
public final class FrozenService {
    private final ServiceRef service;
    private final String reason;
    private final String detail;

    private FrozenService(ServiceRef service, String reason, String detail) {
        this.service = Objects.requireNonNull(service, "service");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** A reason that is the Service's own business (its annotations): it may go into an Event in its namespace. */
    public static FrozenService of(ServiceRef service, String reason) {
        return new FrozenService(service, reason, "");
    }

    /** The same, with a detail for the operator's report only (an API's answer): never in the Service's Event. */
    public static FrozenService of(ServiceRef service, String reason, String detail) {
        return new FrozenService(service, reason, detail);
    }

    public ServiceRef service() { return service; }
    /** The reason with its detail, for the report. */
    public String reason() { return detail.isEmpty() ? reason : reason + " (" + detail + ")"; }
    /** The reason alone, for the Service's own Event. */
    public String publicReason() { return reason; }

    @Override public boolean equals(Object o) {
        return o instanceof FrozenService && service.equals(((FrozenService) o).service)
                && reason.equals(((FrozenService) o).reason) && detail.equals(((FrozenService) o).detail);
    }
    @Override public int hashCode() { return Objects.hash(service, reason, detail); }
    @Override public String toString() { return service.cluster() + ": " + service.id() + ": " + reason(); }
}
