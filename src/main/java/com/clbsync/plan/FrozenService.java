package com.clbsync.plan;

import com.google.auto.value.AutoValue;

/** A Service that clb-sync will not act on this run (bad annotation, unsupported mode): its backends stay as they are. */
@AutoValue
public abstract class FrozenService {
    public abstract ServiceRef service();
    /** The reason alone, for the Service's own Event. */
    public abstract String publicReason();
    /** A detail for the operator's report only (an API's answer), or empty. */
    abstract String detail();

    /** A reason that is the Service's own business (its annotations): it may go into an Event in its namespace. */
    public static FrozenService of(ServiceRef service, String reason) {
        return of(service, reason, "");
    }

    /** The same, with a detail for the operator's report only (an API's answer): never in the Service's Event. */
    public static FrozenService of(ServiceRef service, String reason, String detail) {
        return new AutoValue_FrozenService(service, reason, detail);
    }

    /** The reason with its detail, for the report. */
    public String reason() { return detail().isEmpty() ? publicReason() : publicReason() + " (" + detail() + ")"; }

    @Override public String toString() { return service().cluster() + ": " + service().id() + ": " + reason(); }
}
