package com.clbsync.plan;

import com.google.auto.value.AutoValue;

/** What the load balancer's health check says of one Service's backends in a group: healthy of all. */
@AutoValue
public abstract class ServiceHealth {
    public abstract ServiceRef service();
    /** Backends in {@code normal} state. */
    public abstract int healthy();
    /** The Service's backends the group holds. */
    public abstract int all();

    public static ServiceHealth of(ServiceRef service, int healthy, int all) {
        return new AutoValue_ServiceHealth(service, healthy, all);
    }

    /** What the gate's health check says of the Service's backends the group holds. */
    public static ServiceHealth measure(ServiceTarget t, HeldWeights held, RampGate gate) {
        int all = 0;
        int normal = 0;
        for (BackendKey key : t.podsByBackend().keySet()) {
            if (held.presentWeight(key).isPresent()) {
                all++;
                normal += gate.healthOf(key) == Health.NORMAL ? 1 : 0;
            }
        }
        return of(t.service(), normal, all);
    }

    /** Whether at least half of its backends are healthy (and it has some): a step may raise its share. */
    public boolean mostlyHealthy() {
        return all() > 0 && 2 * healthy() >= all();
    }

    @Override public String toString() {
        return service() + ": " + healthy() + "/" + all() + " healthy";
    }
}
