package com.clbsync.clb;

import com.aliyun.teaopenapi.models.Config;

/** The one place an Alibaba Cloud OpenAPI client's {@link Config} is made from our credentials and endpoint. */
public final class OpenApiConfigs {
    private OpenApiConfigs() {
    }

    /**
     * A configuration signing with {@code credentials} (and its STS token, when temporary) and aimed at {@code endpoint}:
     * {@code http://host:port} for a plain-HTTP stand-in, a bare host or {@code https://host} for HTTPS, and null or
     * empty for the SDK's own endpoint of the region.
     */
    public static Config of(ClbCredentials credentials, String endpoint) {
        Config config = new Config().setAccessKeyId(credentials.accessKeyId()).setAccessKeySecret(credentials.accessKeySecret());
        if (credentials.securityToken() != null) {
            config.setSecurityToken(credentials.securityToken());
        }
        if (endpoint != null && !endpoint.isEmpty()) {
            if (endpoint.startsWith("http://")) {
                config.setProtocol("HTTP").setEndpoint(endpoint.substring("http://".length()));
            } else {
                config.setProtocol("HTTPS").setEndpoint(endpoint.replaceFirst("^https://", ""));
            }
        }
        return config;
    }
}
