package com.clbsync.plan;

import com.clbsync.model.Nullable;
import com.google.auto.value.AutoValue;

/** One Service's share of a group's traffic: the share its weight annotation asks for, and the share its backends get. */
@AutoValue
public abstract class ServiceShare {
    public abstract ServiceRef service();
    /** Null for a Service without the weight annotation. */
    @Nullable public abstract Double target();
    public abstract double achieved();

    public static ServiceShare of(ServiceRef service, Double target, double achieved) {
        return new AutoValue_ServiceShare(service, target, achieved);
    }

    @Override public String toString() {
        return service() + ": " + (target() == null ? "-" : String.format("%.1f%%", 100 * target())) + " wanted, "
                + String.format("%.1f%%", 100 * achieved()) + " achieved";
    }
}
