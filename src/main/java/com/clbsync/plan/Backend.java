package com.clbsync.plan;

import java.util.Objects;

/** A backend server of a vServer group, as the CLB holds it or as clb-sync wants it. */
public final class Backend {
    private final BackendKey key;
    private final BackendType type;
    private final int weight;
    private final String description;

    private Backend(BackendKey key, BackendType type, int weight, String description) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.weight = weight;
        this.description = description == null ? "" : description;
    }

    public static Backend of(BackendKey key, BackendType type, int weight, String description) {
        return new Backend(key, type, weight, description);
    }

    public static Backend ecs(String serverId, int port, int weight, String description) {
        return new Backend(BackendKey.ecs(serverId, port), BackendType.ECS, weight, description);
    }

    public Backend withWeight(int newWeight) {
        return new Backend(key, type, newWeight, description);
    }

    public BackendKey key() { return key; }
    public String serverId() { return key.serverId(); }
    public int port() { return key.port(); }
    public String serverIp() { return key.serverIp(); }
    public BackendType type() { return type; }
    public int weight() { return weight; }
    public String description() { return description; }

    /** Same weight and description: nothing to write. */
    public boolean sameSettingsAs(Backend other) {
        return weight == other.weight && description.equals(other.description);
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Backend)) return false;
        Backend b = (Backend) o;
        return key.equals(b.key) && type.equals(b.type) && weight == b.weight && description.equals(b.description);
    }
    @Override public int hashCode() { return Objects.hash(key, type, weight, description); }
    @Override public String toString() { return key + " w=" + weight + " " + description; }
}
