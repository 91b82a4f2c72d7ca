package com.clbsync.plan;

import com.google.auto.value.AutoValue;

/** An elastic network interface in use, as ECS describes it: its id and the ECS instance it is attached to. */
@AutoValue
public abstract class Eni {
    public abstract String id();
    /** Empty when ECS names no instance (a detached or service-managed ENI). */
    public abstract String instanceId();

    /** @param instanceId empty or null when ECS names no instance (a detached or service-managed ENI) */
    public static Eni of(String id, String instanceId) {
        return new AutoValue_Eni(id, instanceId == null ? "" : instanceId);
    }

    @Override public String toString() { return id() + (instanceId().isEmpty() ? " (no instance)" : " of " + instanceId()); }
}
