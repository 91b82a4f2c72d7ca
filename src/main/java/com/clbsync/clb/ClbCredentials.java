package com.clbsync.clb;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An AccessKey pair, with an STS token when temporary. {@link #toString()} never shows the secret or token. */
public final class ClbCredentials {
    public static final String ENV_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ENV_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ENV_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    private ClbCredentials(String accessKeyId, String accessKeySecret, String securityToken) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.accessKeySecret = Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        this.securityToken = securityToken == null || securityToken.isEmpty() ? null : securityToken;
    }

    public static ClbCredentials of(String accessKeyId, String accessKeySecret, String securityToken) {
        return new ClbCredentials(accessKeyId, accessKeySecret, securityToken);
    }

    /** From {@code ALIBABA_CLOUD_ACCESS_KEY_ID}/{@code _SECRET} and optional {@code _SECURITY_TOKEN}; empty when either key is unset. */
    public static Optional<ClbCredentials> fromEnvironment(Map<String, String> env) {
        String id = env.get(ENV_ACCESS_KEY_ID);
        String secret = env.get(ENV_ACCESS_KEY_SECRET);
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ClbCredentials(id.trim(), secret.trim(), env.get(ENV_SECURITY_TOKEN)));
    }

    public String accessKeyId() { return accessKeyId; }
    public String accessKeySecret() { return accessKeySecret; }
    /** Null for a permanent AccessKey. */
    public String securityToken() { return securityToken; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof ClbCredentials)) return false;
        ClbCredentials c = (ClbCredentials) o;
        return accessKeyId.equals(c.accessKeyId) && accessKeySecret.equals(c.accessKeySecret)
                && Objects.equals(securityToken, c.securityToken);
    }
    @Override public int hashCode() { return Objects.hash(accessKeyId, accessKeySecret, securityToken); }
    @Override public String toString() { return "credentials(secret and token hidden)"; }
}
