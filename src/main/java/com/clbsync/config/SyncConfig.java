package com.clbsync.config;

import com.clbsync.clb.Quotas;
import com.clbsync.plan.NotReadyStorm;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The whole configuration, validated: region, CLB endpoint, weight mode, scanned CLBs and clusters. */
public final class SyncConfig {
    private final String region;
    private final String clbEndpoint;
    private final WeightMode weightMode;
    private final List<String> loadBalancerIds;
    private final List<ClusterConfig> clusters;
    private final double failOpenNotReadyFraction;
    private final Quotas clbQuotas;
    private final Network network;
    private final String ackEndpoint;

    private SyncConfig(String region, String clbEndpoint, WeightMode weightMode, List<String> loadBalancerIds,
                       List<ClusterConfig> clusters, double failOpenNotReadyFraction, Quotas clbQuotas, Network network,
                       String ackEndpoint) {
        this.region = Objects.requireNonNull(region, "region");
        this.clbEndpoint = clbEndpoint == null ? "" : clbEndpoint;
        this.weightMode = Objects.requireNonNull(weightMode, "weightMode");
        this.loadBalancerIds = List.copyOf(loadBalancerIds);
        this.clusters = List.copyOf(clusters);
        this.failOpenNotReadyFraction = failOpenNotReadyFraction;
        this.clbQuotas = Objects.requireNonNull(clbQuotas, "clbQuotas");
        this.network = Objects.requireNonNull(network, "network");
        this.ackEndpoint = ackEndpoint == null ? "" : ackEndpoint;
    }

    public static SyncConfig of(String region, String clbEndpoint, WeightMode weightMode, List<String> loadBalancerIds,
                                List<ClusterConfig> clusters) {
        return new SyncConfig(region, clbEndpoint, weightMode, loadBalancerIds, clusters, NotReadyStorm.DEFAULT_FRACTION,
                Quotas.defaults(), Network.PUBLIC, "");
    }

    /** The same configuration with another NotReady-storm threshold. */
    public SyncConfig withFailOpenNotReadyFraction(double fraction) {
        return new SyncConfig(region, clbEndpoint, weightMode, loadBalancerIds, clusters, fraction, clbQuotas, network,
                ackEndpoint);
    }

    /** The same configuration with these CLB API quotas ({@code clb.rateLimits}, {@code clb.quotaShare}). */
    public SyncConfig withClbQuotas(Quotas quotas) {
        return new SyncConfig(region, clbEndpoint, weightMode, loadBalancerIds, clusters, failOpenNotReadyFraction, quotas,
                network, ackEndpoint);
    }

    /** The same configuration for this network ({@code network: vpc | public}). */
    public SyncConfig withNetwork(Network newNetwork) {
        return new SyncConfig(region, clbEndpoint, weightMode, loadBalancerIds, clusters, failOpenNotReadyFraction, clbQuotas,
                newNetwork, ackEndpoint);
    }

    /** The same configuration with this ACK API endpoint ({@code ack.endpoint}; empty: the network's). */
    public SyncConfig withAckEndpoint(String endpoint) {
        return new SyncConfig(region, clbEndpoint, weightMode, loadBalancerIds, clusters, failOpenNotReadyFraction, clbQuotas,
                network, endpoint);
    }

    /** The ACK API endpoint to call: as configured, else the network's for the region. */
    public String resolvedAckEndpoint() { return ackEndpoint.isEmpty() ? network.ackEndpoint(region) : ackEndpoint; }

    public String region() { return region; }
    /** As configured ({@code clb.endpoint}); empty when not set. */
    public String clbEndpoint() { return clbEndpoint; }
    public Network network() { return network; }
    /** The SLB endpoint to call: as configured, else the network's for the region (empty: the SDK's public one). */
    public String resolvedClbEndpoint() { return clbEndpoint.isEmpty() ? network.clbEndpoint(region) : clbEndpoint; }
    public WeightMode weightMode() { return weightMode; }
    /** CLB instances whose vServer groups are scanned for owned backends nothing maps any more. */
    public List<String> loadBalancerIds() { return loadBalancerIds; }
    public List<ClusterConfig> clusters() { return clusters; }
    /** The fraction of a cluster's nodes NotReady or Unknown at which readiness is no longer acted on there. */
    public double failOpenNotReadyFraction() { return failOpenNotReadyFraction; }
    /** The CLB API quotas the calls are paced by. */
    public Quotas clbQuotas() { return clbQuotas; }
    public List<String> ownerIds() { return clusters.stream().map(ClusterConfig::ownerId).collect(Collectors.toList()); }

    @Override public boolean equals(Object o) {
        if (!(o instanceof SyncConfig)) return false;
        SyncConfig c = (SyncConfig) o;
        return region.equals(c.region) && clbEndpoint.equals(c.clbEndpoint) && weightMode == c.weightMode
                && loadBalancerIds.equals(c.loadBalancerIds) && clusters.equals(c.clusters)
                && failOpenNotReadyFraction == c.failOpenNotReadyFraction && clbQuotas.equals(c.clbQuotas) && network == c.network
                && ackEndpoint.equals(c.ackEndpoint);
    }
    @Override public int hashCode() {
        return Objects.hash(region, clbEndpoint, weightMode, loadBalancerIds, clusters, failOpenNotReadyFraction, clbQuotas, network,
                ackEndpoint);
    }
    @Override public String toString() {
        return "region " + region + ", weightMode " + weightMode.key() + ", " + clusters;
    }
}
