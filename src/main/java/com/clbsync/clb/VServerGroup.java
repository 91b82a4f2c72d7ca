package com.clbsync.clb;

import com.clbsync.plan.Backend;
import com.google.auto.value.AutoValue;

import java.util.List;

/** A vServer group as {@code DescribeVServerGroupAttribute} returns it. */
@AutoValue
public abstract class VServerGroup {
    public abstract String id();
    public abstract String name();
    public abstract String loadBalancerId();
    public abstract List<Backend> backends();

    public static VServerGroup of(String id, String name, String loadBalancerId, List<Backend> backends) {
        return new AutoValue_VServerGroup(id, name == null ? "" : name, loadBalancerId == null ? "" : loadBalancerId,
                List.copyOf(backends));
    }

    @Override public String toString() { return id() + " of " + loadBalancerId() + " " + backends(); }
}
