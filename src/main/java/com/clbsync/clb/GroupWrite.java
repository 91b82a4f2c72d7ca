package com.clbsync.clb;

import java.util.Arrays;
import java.util.Optional;

/** The three writes to a group's backends, and the CLB action each is. */
public enum GroupWrite {
    ADD("AddVServerGroupBackendServers"),
    SET_WEIGHTS("SetVServerGroupAttribute"),
    REMOVE("RemoveVServerGroupBackendServers");

    private final String action;

    GroupWrite(String action) {
        this.action = action;
    }

    /** The API action this write is. */
    public String action() {
        return action;
    }

    /** The write an API action is, or empty for a read. */
    public static Optional<GroupWrite> ofAction(String action) {
        return Arrays.stream(values()).filter(w -> w.action.equals(action)).findFirst();
    }
}
