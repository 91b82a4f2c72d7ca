package com.clbsync.clb;

import com.clbsync.plan.Backend;

import java.util.List;
import java.util.Objects;

/** A vServer group as {@code DescribeVServerGroupAttribute} returns it. */
public final class VServerGroup {
    private final String id;
    private final String name;
    private final String loadBalancerId;
    private final List<Backend> backends;

    private VServerGroup(String id, String name, String loadBalancerId, List<Backend> backends) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? "" : name;
        this.loadBalancerId = loadBalancerId == null ? "" : loadBalancerId;
        this.backends = List.copyOf(backends);
    }

    public static VServerGroup of(String id, String name, String loadBalancerId, List<Backend> backends) {
        return new VServerGroup(id, name, loadBalancerId, backends);
    }

    public String id() { return id; }
    public String name() { return name; }
    public String loadBalancerId() { return loadBalancerId; }
    public List<Backend> backends() { return backends; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof VServerGroup)) return false;
        VServerGroup g = (VServerGroup) o;
        return id.equals(g.id) && name.equals(g.name) && loadBalancerId.equals(g.loadBalancerId) && backends.equals(g.backends);
    }
    @Override public int hashCode() { return Objects.hash(id, name, loadBalancerId, backends); }
    @Override public String toString() { return id + " of " + loadBalancerId + " " + backends; }
}
