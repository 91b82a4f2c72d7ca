package com.clbsync.sync;

import com.clbsync.plan.ServiceRef;

import java.util.Objects;

/** A Kubernetes Event for a Service clb-sync acted on: what an operator sees in {@code kubectl describe svc}. */
public final class ServiceEvent {
    /** The Event's {@code type}. */
    public enum Type {
        Normal, Warning
    }

    private final ServiceRef service;
    private final Type type;
    private final String reason;
    private final String message;
    private final String outcome;
    private final String uid;

    private ServiceEvent(ServiceRef service, Type type, String reason, String message, String outcome, String uid) {
        this.service = Objects.requireNonNull(service);
        this.type = Objects.requireNonNull(type);
        this.reason = Objects.requireNonNull(reason);
        this.message = Objects.requireNonNull(message);
        this.outcome = Objects.requireNonNull(outcome);
        this.uid = uid == null ? "" : uid;
    }

    /** An Event whose message is its outcome: it carries no per-answer text. */
    public static ServiceEvent of(ServiceRef service, Type type, String reason, String message) {
        return new ServiceEvent(service, type, reason, message, message, "");
    }

    /**
     * An Event whose identity is {@code outcome} (the group and the documented error code, or the change
     * summary), while its message may carry more: the same outcome in another run is the same Event,
     * counted up, whatever a request id in the message says.
     */
    public static ServiceEvent of(ServiceRef service, Type type, String reason, String message, String outcome) {
        return new ServiceEvent(service, type, reason, message, outcome, "");
    }

    /** The same Event, knowing the Service's UID from the run's read (no need to get the Service for it). */
    public ServiceEvent withUid(String serviceUid) {
        return new ServiceEvent(service, type, reason, message, outcome, serviceUid);
    }

    public ServiceRef service() { return service; }
    public Type type() { return type; }
    /** A CamelCase reason, as Kubernetes Events have ({@code SyncedBackends}). */
    public String reason() { return reason; }
    public String message() { return message; }
    /** What makes two Events the same, with the Service, the type and the reason. */
    public String outcome() { return outcome; }
    /** The Service's UID as the run read it; empty when not known. */
    public String uid() { return uid; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ServiceEvent)) return false;
        ServiceEvent e = (ServiceEvent) o;
        return service.equals(e.service) && type == e.type && reason.equals(e.reason) && message.equals(e.message)
                && outcome.equals(e.outcome) && uid.equals(e.uid);
    }
    @Override public int hashCode() { return Objects.hash(service, type, reason, message, outcome, uid); }
    @Override public String toString() { return service + " " + type + " " + reason + ": " + message; }
}
