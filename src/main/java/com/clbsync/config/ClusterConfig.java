package com.clbsync.config;

import com.clbsync.plan.BackendType;

import java.util.Objects;
import java.util.Optional;

/**
 * One configured cluster: how to reach its API server, which cluster it must be (an optional pinned
 * identity), and the owner id written into the descriptions of its backends if one is configured
 * (otherwise derived from the cluster's identity, see {@code plan.OwnerIds}). {@link #toString()} never
 * shows the token.
 */
public final class ClusterConfig {
    private final String name;
    private final String ownerId;
    private final String identity;
    private final String ackClusterId;
    private final String server;
    private final String token;
    private final String tokenFile;
    private final String certificateAuthorityData;
    private final String kubeconfig;
    private final String context;
    private final boolean insecureSkipTlsVerify;
    private final int timeoutSeconds;
    private final BackendType backendType;

    private ClusterConfig(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.ownerId = b.ownerId;
        this.identity = b.identity;
        this.ackClusterId = b.ackClusterId;
        this.server = b.server;
        this.token = b.token;
        this.tokenFile = b.tokenFile;
        this.certificateAuthorityData = b.certificateAuthorityData;
        this.kubeconfig = b.kubeconfig;
        this.context = b.context;
        this.insecureSkipTlsVerify = b.insecureSkipTlsVerify;
        this.timeoutSeconds = b.timeoutSeconds;
        this.backendType = Objects.requireNonNull(b.backendType, "backendType");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() { return name; }
    /**
     * The owner id configured for its backends' descriptions (an ACK cluster id to share them with its CCM,
     * or what an earlier version wrote); empty: derived from the cluster's identity.
     */
    public Optional<String> ownerId() { return Optional.ofNullable(ownerId); }
    /** The kube-system namespace UID its API server must answer with, if pinned. */
    public Optional<String> identity() { return Optional.ofNullable(identity); }
    /** The ACK cluster id, if set: how cluster events and audit logs are matched to this cluster. */
    public Optional<String> ackClusterId() { return Optional.ofNullable(ackClusterId); }

    /** Whether an ACK cluster id from an event names this cluster (its ackClusterId, else its ownerId or name). */
    public boolean isAckCluster(String clusterId) {
        return clusterId.equals(ackClusterId) || clusterId.equals(ownerId == null ? name : ownerId);
    }
    public Optional<String> server() { return Optional.ofNullable(server); }
    public Optional<String> token() { return Optional.ofNullable(token); }
    public Optional<String> tokenFile() { return Optional.ofNullable(tokenFile); }
    /** Base64 PEM, as in a kubeconfig. */
    public Optional<String> certificateAuthorityData() { return Optional.ofNullable(certificateAuthorityData); }
    /** A path, or the kubeconfig's YAML itself. */
    public Optional<String> kubeconfig() { return Optional.ofNullable(kubeconfig); }
    /** A {@code kubeconfig} value that holds the YAML itself rather than a path. */
    public static boolean isInlineKubeconfig(String kubeconfig) {
        String t = kubeconfig.trim();
        return t.contains("\n") || t.startsWith("apiVersion") || t.startsWith("{");
    }

    public Optional<String> context() { return Optional.ofNullable(context); }
    /** No stored credentials: a short-lived kubeconfig comes from the ACK API for clb-sync's own credentials. */
    public boolean fromAck() { return server == null && kubeconfig == null && ackClusterId != null; }
    public boolean insecureSkipTlsVerify() { return insecureSkipTlsVerify; }
    /** The bound on one read of this cluster. */
    public int timeoutSeconds() { return timeoutSeconds; }
    /** The backends of Services without {@code backend-type}: {@code ecs} (nodes), or {@code eni} (pods, on Terway). */
    public BackendType backendType() { return backendType; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClusterConfig)) return false;
        ClusterConfig c = (ClusterConfig) o;
        return name.equals(c.name) && Objects.equals(ownerId, c.ownerId) && Objects.equals(identity, c.identity)
                && Objects.equals(ackClusterId, c.ackClusterId)
                && Objects.equals(server, c.server)
                && Objects.equals(token, c.token) && Objects.equals(tokenFile, c.tokenFile)
                && Objects.equals(certificateAuthorityData, c.certificateAuthorityData)
                && Objects.equals(kubeconfig, c.kubeconfig) && Objects.equals(context, c.context)
                && insecureSkipTlsVerify == c.insecureSkipTlsVerify && timeoutSeconds == c.timeoutSeconds
                && backendType == c.backendType;
    }
    @Override public int hashCode() {
        return Objects.hash(name, ownerId, identity, ackClusterId, server, token, tokenFile, certificateAuthorityData, kubeconfig, context,
                insecureSkipTlsVerify, timeoutSeconds, backendType);
    }
    @Override public String toString() {
        return "cluster " + name + " (" + (ownerId == null ? "" : "owner " + ownerId + ", ")
                + (identity == null ? "" : "identity " + identity + ", ") + (server != null ? server : fromAck() ? "ACK " + ackClusterId : "kubeconfig") + ")";
    }

    /** Collects fields; {@link ConfigLoader} validates them. */
    public static final class Builder {
        private final String name;
        private String ownerId;
        private String identity;
        private String ackClusterId;
        private String server;
        private String token;
        private String tokenFile;
        private String certificateAuthorityData;
        private String kubeconfig;
        private String context;
        private boolean insecureSkipTlsVerify;
        private int timeoutSeconds = 30;
        private BackendType backendType = BackendType.ECS;

        private Builder(String name) { this.name = name; }

        public Builder ownerId(String v) { ownerId = v; return this; }
        public Builder identity(String v) { identity = v; return this; }
        public Builder ackClusterId(String v) { ackClusterId = v; return this; }
        public Builder server(String v) { server = v; return this; }
        public Builder token(String v) { token = v; return this; }
        public Builder tokenFile(String v) { tokenFile = v; return this; }
        public Builder certificateAuthorityData(String v) { certificateAuthorityData = v; return this; }
        public Builder kubeconfig(String v) { kubeconfig = v; return this; }
        public Builder context(String v) { context = v; return this; }
        public Builder insecureSkipTlsVerify(boolean v) { insecureSkipTlsVerify = v; return this; }
        public Builder timeoutSeconds(int v) { timeoutSeconds = v; return this; }
        public Builder backendType(BackendType v) { backendType = v; return this; }
        public ClusterConfig build() { return new ClusterConfig(this); }
    }
}
