package com.clbsync.kube;

import com.aliyun.cs20151215.Client;
import com.aliyun.cs20151215.models.DescribeClusterUserKubeconfigRequest;
import com.aliyun.cs20151215.models.DescribeClusterUserKubeconfigResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.OpenApiConfigs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Short-lived kubeconfigs from the ACK API ({@code DescribeClusterUserKubeconfig}: the cluster's private
 * API server address, a temporary duration) for clb-sync's own credentials, so no cluster secret is
 * stored. Each is kept until shortly before it expires, then asked for again. The only class that sees
 * the ACK SDK's types.
 */
public final class AckKubeconfigs {
    /** How long a kubeconfig is asked for. */
    static final Duration DURATION = Duration.ofMinutes(60);
    /** A kubeconfig with less than this left is renewed. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private final String endpoint;
    private final Clock clock;
    private final Map<String, Issued> cache = new HashMap<>();

    /** @param endpoint the ACK API: a host name, or http://host:port for a stand-in */
    public AckKubeconfigs(String endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** A kubeconfig for {@code clusterId} valid for a while yet: the cached one, or a new one. */
    public synchronized String kubeconfig(String clusterId, ClbCredentials credentials) throws ClusterReadException {
        Issued issued = cache.get(clusterId);
        if (issued != null && clock.instant().plus(RENEW_BEFORE).isBefore(issued.expires)) {
            return issued.kubeconfig;
        }
        issued = fetch(clusterId, credentials);
        cache.put(clusterId, issued);
        return issued.kubeconfig;
    }

    /** Drops the cluster's kubeconfig (its API server refused it): the next call asks ACK for a new one. */
    public synchronized void forget(String clusterId) {
        cache.remove(clusterId);
    }

    private Issued fetch(String clusterId, ClbCredentials credentials) throws ClusterReadException {
        Config config = OpenApiConfigs.of(credentials, endpoint);
        DescribeClusterUserKubeconfigResponseBody body;
        try {
            body = new Client(config).describeClusterUserKubeconfigWithOptions(clusterId,
                    new DescribeClusterUserKubeconfigRequest().setPrivateIpAddress(true)
                            .setTemporaryDurationMinutes(DURATION.toMinutes()), new HashMap<>(),
                    new RuntimeOptions().setConnectTimeout(5_000).setReadTimeout(15_000).setAutoretry(false)).getBody();
        } catch (TeaException e) {
            String code = e.getCode() == null ? "" : e.getCode();
            boolean forbidden = code.startsWith("Forbidden") || code.equals("NoPermission")
                    || (e.getStatusCode() != null && e.getStatusCode() == 403);
            throw new ClusterReadException("ACK DescribeClusterUserKubeconfig of " + clusterId + " failed: " + code
                    + (forbidden ? " (the role or user lacks the RAM action cs:DescribeClusterUserKubeconfig)" : ""),
                    forbidden ? ClusterReadException.Kind.ACK_FORBIDDEN : ClusterReadException.Kind.OTHER);
        } catch (Exception e) {
            throw new ClusterReadException("ACK DescribeClusterUserKubeconfig of " + clusterId + ": no answer from " + endpoint
                    + " (" + e.getClass().getSimpleName() + ")", ClusterReadException.Kind.UNREACHABLE);
        }
        if (body == null || body.getConfig() == null || body.getConfig().isBlank()) {
            throw new ClusterReadException("ACK DescribeClusterUserKubeconfig of " + clusterId + " returned no kubeconfig");
        }
        return new Issued(body.getConfig(), expiry(body.getExpiration()));
    }

    /** The kubeconfig's expiry as ACK states it; when it states none, the duration asked for. */
    private Instant expiry(String expiration) {
        if (expiration != null && !expiration.isBlank()) {
            try {
                return Instant.parse(expiration.trim());
            } catch (DateTimeParseException ignored) {
                // fall through: assume the duration asked for
            }
        }
        return clock.instant().plus(DURATION);
    }

    private static final class Issued {
        final String kubeconfig;
        final Instant expires;

        Issued(String kubeconfig, Instant expires) {
            this.kubeconfig = kubeconfig;
            this.expires = expires;
        }
    }
}
