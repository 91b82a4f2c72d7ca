package com.clbsync.model;

import com.google.auto.value.AutoValue;

/**
 * Where a cluster's snapshot stands: the resourceVersion of each of its three lists (Services,
 * EndpointSlices, Nodes), from which the changes since can be asked for. Empty when not known (a
 * snapshot from manifests, or changed by a targeted read).
 */
@AutoValue
public abstract class ResourceVersions {
    private static final ResourceVersions NONE = new AutoValue_ResourceVersions("", "", "");

    public abstract String services();
    public abstract String slices();
    public abstract String nodes();

    public static ResourceVersions none() {
        return NONE;
    }

    public static ResourceVersions of(String services, String slices, String nodes) {
        return new AutoValue_ResourceVersions(nonNull(services), nonNull(slices), nonNull(nodes));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Whether every list's version is known: the changes since can be read. */
    public boolean complete() {
        return !services().isEmpty() && !slices().isEmpty() && !nodes().isEmpty();
    }

    @Override public String toString() {
        return complete() ? "services@" + services() + " slices@" + slices() + " nodes@" + nodes() : "no resourceVersion";
    }
}
