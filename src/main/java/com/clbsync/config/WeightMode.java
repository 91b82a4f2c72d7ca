package com.clbsync.config;

/** How backend weights are computed. */
public enum WeightMode {
    /** The in-cluster CCM's arithmetic, each Service on its own. */
    CCM;

    public String key() { return name().toLowerCase(); }
}
