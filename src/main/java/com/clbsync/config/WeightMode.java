package com.clbsync.config;

/** How backend weights are computed. */
public enum WeightMode {
    /** Shares that match the weight annotations across clusters, with failover (the default). */
    GLOBAL,
    /** The in-cluster CCM's arithmetic, each Service on its own: identical numbers to the CCM's. */
    CCM;

    public String key() { return name().toLowerCase(); }
}
