package com.clbsync.clb;

import com.clbsync.model.Nullable;
import com.google.auto.value.AutoValue;

import java.util.Map;
import java.util.Optional;

/** An AccessKey pair, with an STS token when temporary. {@link #toString()} never shows the secret or token. */
@AutoValue
public abstract class ClbCredentials {
    public static final String ENV_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ENV_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ENV_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    public abstract String accessKeyId();
    public abstract String accessKeySecret();
    /** Null for a permanent AccessKey. */
    @Nullable public abstract String securityToken();

    public static ClbCredentials of(String accessKeyId, String accessKeySecret, String securityToken) {
        return new AutoValue_ClbCredentials(accessKeyId, accessKeySecret,
                securityToken == null || securityToken.isEmpty() ? null : securityToken);
    }

    /** From {@code ALIBABA_CLOUD_ACCESS_KEY_ID}/{@code _SECRET} and optional {@code _SECURITY_TOKEN}; empty when either key is unset. */
    public static Optional<ClbCredentials> fromEnvironment(Map<String, String> env) {
        String id = env.get(ENV_ACCESS_KEY_ID);
        String secret = env.get(ENV_ACCESS_KEY_SECRET);
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(of(id.trim(), secret.trim(), env.get(ENV_SECURITY_TOKEN)));
    }

    @Override public String toString() { return "credentials(secret and token hidden)"; }
}
