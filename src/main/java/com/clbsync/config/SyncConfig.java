package com.clbsync.config;

import com.clbsync.clb.Quotas;
import com.clbsync.plan.Access;
import com.clbsync.plan.NotReadyStorm;

import java.util.List;
import com.clbsync.plan.Ramp;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole configuration, validated: region, endpoints, weight mode, scanned CLBs, clusters, and the
 * safety and timing settings. Immutable; each {@code with...} gives a changed copy.
 */
public final class SyncConfig {
    /** The default of {@code cacheSeconds}: how long a warm instance may use a cluster's snapshot for a targeted event. */
    public static final int DEFAULT_CACHE_SECONDS = 60;
    private final Fields f;

    /** The settings, mutable only while a copy is made. */
    private static final class Fields implements Cloneable {
        String region;
        String clbEndpoint = "";
        WeightMode weightMode;
        List<String> loadBalancerIds;
        List<ClusterConfig> clusters;
        double failOpenNotReadyFraction = NotReadyStorm.DEFAULT_FRACTION;
        Quotas clbQuotas = Quotas.defaults();
        Network network = Network.PUBLIC;
        String ackEndpoint = "";
        String ecsEndpoint = "";
        String nlbEndpoint = "";
        Quotas nlbQuotas = Quotas.defaults();
        int nlbBatchSize = 40;
        boolean nlbConfigured;
        int drainSeconds;
        int cacheSeconds = DEFAULT_CACHE_SECONDS;
        Access access = Access.any();
        Ramp ramp = Ramp.off();
        List<String> retiredOwnerIds = List.of();

        @Override protected Fields clone() {
            try {
                return (Fields) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        List<Object> all() {
            return List.of(region, clbEndpoint, weightMode, loadBalancerIds, clusters, failOpenNotReadyFraction, clbQuotas,
                    network, ackEndpoint, ecsEndpoint, drainSeconds, cacheSeconds, access, nlbEndpoint, nlbQuotas, nlbBatchSize, nlbConfigured,
                    ramp, retiredOwnerIds);
        }
    }

    private SyncConfig(Fields f) {
        Objects.requireNonNull(f.region, "region");
        Objects.requireNonNull(f.weightMode, "weightMode");
        Objects.requireNonNull(f.clbQuotas, "clbQuotas");
        Objects.requireNonNull(f.network, "network");
        f.clbEndpoint = f.clbEndpoint == null ? "" : f.clbEndpoint;
        f.ackEndpoint = f.ackEndpoint == null ? "" : f.ackEndpoint;
        f.ecsEndpoint = f.ecsEndpoint == null ? "" : f.ecsEndpoint;
        f.loadBalancerIds = List.copyOf(f.loadBalancerIds);
        f.clusters = List.copyOf(f.clusters);
        this.f = f;
    }

    public static SyncConfig of(String region, String clbEndpoint, WeightMode weightMode, List<String> loadBalancerIds,
                                List<ClusterConfig> clusters) {
        Fields f = new Fields();
        f.region = region;
        f.clbEndpoint = clbEndpoint;
        f.weightMode = weightMode;
        f.loadBalancerIds = loadBalancerIds;
        f.clusters = clusters;
        return new SyncConfig(f);
    }

    private SyncConfig with(Consumer<Fields> change) {
        Fields copy = f.clone();
        change.accept(copy);
        return new SyncConfig(copy);
    }

    /** The same configuration with another NotReady-storm threshold. */
    public SyncConfig withFailOpenNotReadyFraction(double fraction) { return with(c -> c.failOpenNotReadyFraction = fraction); }
    /** The same configuration with these CLB API quotas ({@code clb.rateLimits}, {@code clb.quotaShare}). */
    public SyncConfig withClbQuotas(Quotas quotas) { return with(c -> c.clbQuotas = quotas); }
    /** The same configuration for this network ({@code network: vpc | public}). */
    public SyncConfig withNetwork(Network network) { return with(c -> c.network = network); }
    /** The same configuration with this ACK API endpoint ({@code ack.endpoint}; empty: the network's). */
    public SyncConfig withAckEndpoint(String endpoint) { return with(c -> c.ackEndpoint = endpoint); }
    /** The same configuration with this ECS API endpoint ({@code ecs.endpoint}; empty: the network's). */
    public SyncConfig withEcsEndpoint(String endpoint) { return with(c -> c.ecsEndpoint = endpoint); }
    /** The same configuration with this NLB API endpoint ({@code nlb.endpoint}; empty: the network's). */
    public SyncConfig withNlbEndpoint(String endpoint) { return with(c -> c.nlbEndpoint = endpoint == null ? "" : endpoint); }
    /** The same configuration with these NLB API quotas ({@code nlb.rateLimits}, {@code nlb.quotaShare}). */
    public SyncConfig withNlbQuotas(Quotas quotas) { return with(c -> c.nlbQuotas = quotas); }
    /** The same configuration sending at most this many servers per NLB call ({@code nlb.batchSize}). */
    public SyncConfig withNlbBatchSize(int servers) { return with(c -> c.nlbBatchSize = servers); }
    /** The same configuration draining removed backends for this long ({@code drainSeconds}; 0: remove at once). */
    public SyncConfig withDrainSeconds(int seconds) { return with(c -> c.drainSeconds = seconds); }
    /** The same configuration with these cluster entries instead (a cluster taken out, say). */
    public SyncConfig withClusters(List<ClusterConfig> entries) { return with(c -> c.clusters = List.copyOf(entries)); }
    /** The same configuration moving shares in these steps. */
    public SyncConfig withRamp(Ramp ramp) { return with(c -> c.ramp = Objects.requireNonNull(ramp)); }
    /** The same configuration retiring these owner ids. */
    public SyncConfig withRetiredOwnerIds(List<String> ownerIds) { return with(c -> c.retiredOwnerIds = List.copyOf(ownerIds)); }
    /** The same configuration with this snapshot lifetime ({@code cacheSeconds}; 0: always read everything). */
    public SyncConfig withCacheSeconds(int seconds) { return with(c -> c.cacheSeconds = seconds); }
    /** The same configuration with this {@code access} list. */
    public SyncConfig withAccess(Access access) { return with(c -> c.access = Objects.requireNonNull(access)); }

    /** The ACK API endpoint to call: as configured, else the network's for the region. */
    public String resolvedAckEndpoint() { return f.ackEndpoint.isEmpty() ? f.network.ackEndpoint(f.region) : f.ackEndpoint; }
    /** The ECS API endpoint to call (ENI lookups): as configured, else the network's (empty: the SDK's public one). */
    public String resolvedEcsEndpoint() { return f.ecsEndpoint.isEmpty() ? f.network.ecsEndpoint(f.region) : f.ecsEndpoint; }

    /** The NLB API endpoint to call: as configured, else the network's for the region. */
    public String resolvedNlbEndpoint() { return f.nlbEndpoint.isEmpty() ? f.network.nlbEndpoint(f.region) : f.nlbEndpoint; }
    /** The NLB API quotas its calls are paced by. */
    public Quotas nlbQuotas() { return f.nlbQuotas; }
    /** Whether Services may use NLBs: an {@code nlb} section, or an NLB in {@code access}. */
    public boolean usesNlb() {
        return f.nlbConfigured || f.access.loadBalancerIds().stream().anyMatch(id -> id.startsWith("nlb-"));
    }

    /** The same configuration, its {@code nlb} section given. */
    public SyncConfig withNlbConfigured() { return with(c -> c.nlbConfigured = true); }

    /** Servers per NLB write call (40 unless set; the API takes 200). */
    public int nlbBatchSize() { return f.nlbBatchSize; }

    public String region() { return f.region; }
    /** As configured ({@code clb.endpoint}); empty when not set. */
    public String clbEndpoint() { return f.clbEndpoint; }
    public Network network() { return f.network; }
    /** The SLB endpoint to call: as configured, else the network's for the region (empty: the SDK's public one). */
    public String resolvedClbEndpoint() { return f.clbEndpoint.isEmpty() ? f.network.clbEndpoint(f.region) : f.clbEndpoint; }
    public WeightMode weightMode() { return f.weightMode; }
    /** CLB instances whose vServer groups are scanned for owned backends nothing maps any more. */
    public List<String> loadBalancerIds() { return f.loadBalancerIds; }
    public List<ClusterConfig> clusters() { return f.clusters; }

    /** What every report says of the configuration itself: a cluster whose API server's certificate is not verified. */
    public List<String> warnings() {
        return f.clusters.stream().filter(ClusterConfig::insecureSkipTlsVerify).map(c -> "cluster " + c.name()
                + ": insecureSkipTlsVerify: its API server's certificate is not verified, so anyone on the path can read its"
                + " token and answer for the cluster; set certificateAuthorityData").collect(java.util.stream.Collectors.toList());
    }

    /** The configured cluster an ACK cluster id (from an event or a logstore's name) names, if any. */
    public Optional<ClusterConfig> ackCluster(String ackClusterId) {
        return f.clusters.stream().filter(c -> c.isAckCluster(ackClusterId)).findFirst();
    }
    /** The fraction of a cluster's nodes NotReady or Unknown at which readiness is no longer acted on there. */
    public double failOpenNotReadyFraction() { return f.failOpenNotReadyFraction; }
    /** The CLB API quotas the calls are paced by. */
    public Quotas clbQuotas() { return f.clbQuotas; }
    /** How long a backend that is to be removed while its instance or pod lives is kept at weight 0 first. */
    public int drainSeconds() { return f.drainSeconds; }
    /** How shares move towards their annotations ({@code ramp}; off unless set). */
    public Ramp ramp() { return f.ramp; }
    /** Owner ids of clusters taken out of service ({@code retiredOwnerIds}): their backends are drained and removed. */
    public List<String> retiredOwnerIds() { return f.retiredOwnerIds; }
    /** How long a warm instance may use a cluster's snapshot for a targeted event; 0: never. */
    public int cacheSeconds() { return f.cacheSeconds; }
    /** Who may steer which load balancer ({@link Access#any()} without an {@code access} list). */
    public Access access() { return f.access; }

    @Override public boolean equals(Object o) {
        return o instanceof SyncConfig && f.all().equals(((SyncConfig) o).f.all());
    }
    @Override public int hashCode() { return f.all().hashCode(); }
    @Override public String toString() {
        return "region " + f.region + ", weightMode " + f.weightMode.key() + ", " + f.clusters;
    }
}
