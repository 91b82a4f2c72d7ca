package com.clbsync.sync;

import com.clbsync.plan.ServiceRef;
import com.google.auto.value.AutoValue;


/** A Kubernetes Event for a Service clb-sync acted on: what an operator sees in {@code kubectl describe svc}. */
@AutoValue
public abstract class ServiceEvent {
    /** The Event's {@code type}. */
    public enum Type {
        Normal, Warning
    }

    public abstract ServiceRef service();
    public abstract Type type();
    /** A CamelCase reason, as Kubernetes Events have ({@code SyncedBackends}). */
    public abstract String reason();
    public abstract String message();
    /** What makes two Events the same, with the Service, the type and the reason. */
    public abstract String outcome();
    /** The Service's UID as the run read it; empty when not known. */
    public abstract String uid();

    /** An Event whose message is its outcome: it carries no per-answer text. */
    public static ServiceEvent of(ServiceRef service, Type type, String reason, String message) {
        return new AutoValue_ServiceEvent(service, type, reason, message, message, "");
    }

    /**
     * An Event whose identity is {@code outcome} (the group and the documented error code, or the change
     * summary), while its message may carry more: the same outcome in another run is the same Event,
     * counted up, whatever a request id in the message says.
     */
    public static ServiceEvent of(ServiceRef service, Type type, String reason, String message, String outcome) {
        return new AutoValue_ServiceEvent(service, type, reason, message, outcome, "");
    }

    /** The same Event, knowing the Service's UID from the run's read (no need to get the Service for it). */
    public ServiceEvent withUid(String serviceUid) {
        return new AutoValue_ServiceEvent(service(), type(), reason(), message(), outcome(), serviceUid == null ? "" : serviceUid);
    }

    @Override public String toString() { return service() + " " + type() + " " + reason() + ": " + message(); }
}
