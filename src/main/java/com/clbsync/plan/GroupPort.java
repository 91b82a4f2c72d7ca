package com.clbsync.plan;

import java.util.Objects;

/** One {@code group:port} pair of the vgroup-port annotation: a vServer group and a Service port. */
public final class GroupPort {
    private final String groupId;
    private final int servicePort;

    private GroupPort(String groupId, int servicePort) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.servicePort = servicePort;
    }

    public static GroupPort of(String groupId, int servicePort) {
        return new GroupPort(groupId, servicePort);
    }

    public String groupId() { return groupId; }
    public int servicePort() { return servicePort; }

    @Override public boolean equals(Object o) {
        return o instanceof GroupPort && groupId.equals(((GroupPort) o).groupId) && servicePort == ((GroupPort) o).servicePort;
    }
    @Override public int hashCode() { return Objects.hash(groupId, servicePort); }
    @Override public String toString() { return groupId + ":" + servicePort; }
}
