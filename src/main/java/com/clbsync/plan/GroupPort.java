package com.clbsync.plan;

import com.google.auto.value.AutoValue;

/** One {@code group:port} pair of the vgroup-port annotation: a vServer group and a Service port. */
@AutoValue
public abstract class GroupPort {
    public abstract String groupId();
    public abstract int servicePort();

    public static GroupPort of(String groupId, int servicePort) {
        return new AutoValue_GroupPort(groupId, servicePort);
    }

    @Override public String toString() { return groupId() + ":" + servicePort(); }
}
