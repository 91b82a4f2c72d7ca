package com.clbsync.clb;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-action API quota clb-sync paces its calls by. The CLB's rate-limit page gives 90 calls per
 * 60 s for RemoveVServerGroupBackendServers, and the other write actions follow the same pattern; the
 * NLB documents 200 per 60 s for AddServersToServerGroup, and its other writes are paced like the CLB's;
 * reads allow far more and are not paced unless configured. The same quota is spent by the CCM,
 * Terraform and the console on the account: {@code quotaShare} keeps part of it for them.
 */
public final class Quotas {
    /** The actions clb-sync calls; rate limits may be set for these. */
    public static final Set<String> ACTIONS = Set.of("DescribeVServerGroupAttribute", "DescribeVServerGroups", "DescribeHealthStatus",
            "AddVServerGroupBackendServers", "RemoveVServerGroupBackendServers", "SetVServerGroupAttribute");
    /** The NLB actions clb-sync calls; rate limits may be set for these (under {@code nlb}). */
    public static final Set<String> NLB_ACTIONS = Set.of("ListServerGroups", "ListServerGroupServers",
            "AddServersToServerGroup", "RemoveServersFromServerGroup", "UpdateServerGroupServersAttribute", "ListAsynJobs");
    /** The documented quota of a CLB write action. */
    public static final Rate WRITE_DEFAULT = Rate.of(90, Duration.ofSeconds(60));
    /** The quota paced by when none is configured: the writes'. */
    private static final Map<String, Rate> DEFAULTS = Map.of("AddVServerGroupBackendServers", WRITE_DEFAULT,
            "RemoveVServerGroupBackendServers", WRITE_DEFAULT, "SetVServerGroupAttribute", WRITE_DEFAULT,
            "AddServersToServerGroup", Rate.of(200, Duration.ofSeconds(60)), "RemoveServersFromServerGroup", WRITE_DEFAULT,
            "UpdateServerGroupServersAttribute", WRITE_DEFAULT);
    private static final Quotas DEFAULT = new Quotas(Map.of(), 1.0);

    private final Map<String, Rate> configured;
    private final double share;

    private Quotas(Map<String, Rate> configured, double share) {
        this.configured = Map.copyOf(configured);
        this.share = share;
    }

    /** The documented defaults, all of the quota. */
    public static Quotas defaults() {
        return DEFAULT;
    }

    /**
     * @param configured rates per action that replace the defaults
     * @param share      the part of each quota clb-sync may use, (0, 1]
     */
    public static Quotas of(Map<String, Rate> configured, double share) {
        if (!configured.keySet().stream().allMatch(a -> ACTIONS.contains(a) || NLB_ACTIONS.contains(a)) || !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("rate limits for " + ACTIONS + " or " + NLB_ACTIONS + ", a share in (0, 1]");
        }
        return new Quotas(configured, share);
    }

    /** The pace for this action (its quota times the share), or empty when it is not paced. */
    public Optional<Rate> paceOf(String action) {
        Rate quota = configured.getOrDefault(action, DEFAULTS.get(action));
        return quota == null ? Optional.empty() : Optional.of(quota.times(share));
    }

    public double share() { return share; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Quotas)) return false;
        Quotas q = (Quotas) o;
        return configured.equals(q.configured) && share == q.share;
    }
    @Override public int hashCode() { return Objects.hash(configured, share); }
    @Override public String toString() { return "quotas " + new TreeMap<>(configured) + " x " + share; }
}
