package com.clbsync.plan;

import java.util.Objects;

/** One Service's share of a group's traffic: the share its weight annotation asks for, and the share its backends get. */
public final class ServiceShare {
    private final ServiceRef service;
    private final Double target;
    private final double achieved;

    private ServiceShare(ServiceRef service, Double target, double achieved) {
        this.service = Objects.requireNonNull(service);
        this.target = target;
        this.achieved = achieved;
    }

    public static ServiceShare of(ServiceRef service, Double target, double achieved) {
        return new ServiceShare(service, target, achieved);
    }

    public ServiceRef service() { return service; }
    /** Null for a Service without the weight annotation. */
    public Double target() { return target; }
    public double achieved() { return achieved; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ServiceShare)) return false;
        ServiceShare s = (ServiceShare) o;
        return service.equals(s.service) && Objects.equals(target, s.target) && achieved == s.achieved;
    }
    @Override public int hashCode() { return Objects.hash(service, target, achieved); }
    @Override public String toString() {
        return service + ": " + (target == null ? "-" : String.format("%.1f%%", 100 * target)) + " wanted, "
                + String.format("%.1f%%", 100 * achieved) + " achieved";
    }
}
