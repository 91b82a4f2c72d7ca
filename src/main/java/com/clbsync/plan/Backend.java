package com.clbsync.plan;

import com.google.auto.value.AutoValue;

/** A backend server of a vServer group, as the CLB holds it or as clb-sync wants it. */
@AutoValue
public abstract class Backend {
    public abstract BackendKey key();
    public abstract BackendType type();
    public abstract int weight();
    public abstract String description();

    public static Backend of(BackendKey key, BackendType type, int weight, String description) {
        return new AutoValue_Backend(key, type, weight, description == null ? "" : description);
    }

    public static Backend ecs(String serverId, int port, int weight, String description) {
        return of(BackendKey.ecs(serverId, port), BackendType.ECS, weight, description);
    }

    public Backend withWeight(int newWeight) {
        return of(key(), type(), newWeight, description());
    }

    public String serverId() { return key().serverId(); }
    public int port() { return key().port(); }
    public String serverIp() { return key().serverIp(); }

    /** Same weight and description: nothing to write. */
    public boolean sameSettingsAs(Backend other) {
        return weight() == other.weight() && description().equals(other.description());
    }

    @Override public String toString() { return key() + " w=" + weight() + " " + description(); }
}
