package com.clbsync.plan;

import java.util.Objects;

/** An elastic network interface in use, as ECS describes it: its id and the ECS instance it is attached to. */
public final class Eni {
    private final String id;
    private final String instanceId;

    private Eni(String id, String instanceId) {
        this.id = Objects.requireNonNull(id, "id");
        this.instanceId = instanceId == null ? "" : instanceId;
    }

    /** @param instanceId empty when ECS names no instance (a detached or service-managed ENI) */
    public static Eni of(String id, String instanceId) {
        return new Eni(id, instanceId);
    }

    public String id() { return id; }
    public String instanceId() { return instanceId; }

    @Override public boolean equals(Object o) {
        return o instanceof Eni && id.equals(((Eni) o).id) && instanceId.equals(((Eni) o).instanceId);
    }
    @Override public int hashCode() { return Objects.hash(id, instanceId); }
    @Override public String toString() { return id + (instanceId.isEmpty() ? " (no instance)" : " of " + instanceId); }
}
