package com.clbsync.sync;

import java.util.Locale;

/** How a run had a cluster's state. */
public enum ReadKind {
    /** Its three lists, read in full. */
    FULL,
    /** A warm snapshot brought up to now with only what changed since it (a bounded watch per list). */
    CHANGES,
    /** A warm snapshot with the objects a targeted event names read again. */
    TARGETED,
    /** A warm snapshot as it was: the event names nothing in this cluster. */
    SNAPSHOT,
    /** Not had at all (frozen). */
    NONE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
