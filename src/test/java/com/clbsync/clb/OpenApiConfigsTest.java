package com.clbsync.clb;

import com.aliyun.teaopenapi.models.Config;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OpenApiConfigsTest {
    private static final ClbCredentials PERMANENT = ClbCredentials.of("LTAIexample", "secret", null);

    @Test
    void aPlainHttpEndpointIsCalledOverHttpAtItsHostAndPort() {
        Config config = OpenApiConfigs.of(PERMANENT, "http://127.0.0.1:8089");
        assertEquals("HTTP", config.getProtocol());
        assertEquals("127.0.0.1:8089", config.getEndpoint());
    }

    @Test
    void aBareOrHttpsEndpointIsCalledOverHttps() {
        assertEquals("slb-vpc.cn-hangzhou.aliyuncs.com", OpenApiConfigs.of(PERMANENT, "https://slb-vpc.cn-hangzhou.aliyuncs.com").getEndpoint());
        Config bare = OpenApiConfigs.of(PERMANENT, "cs.cn-hangzhou.aliyuncs.com");
        assertEquals("HTTPS", bare.getProtocol());
        assertEquals("cs.cn-hangzhou.aliyuncs.com", bare.getEndpoint());
    }

    @Test
    void noEndpointLeavesTheSdksOwnForTheRegion() {
        assertNull(OpenApiConfigs.of(PERMANENT, null).getEndpoint());
        assertNull(OpenApiConfigs.of(PERMANENT, "").getEndpoint());
    }

    @Test
    void signsWithTheKeyAndTheStsTokenOnlyWhenTemporary() {
        Config permanent = OpenApiConfigs.of(PERMANENT, null);
        assertEquals("LTAIexample", permanent.getAccessKeyId());
        assertEquals("secret", permanent.getAccessKeySecret());
        assertNull(permanent.getSecurityToken());
        assertEquals("sts-token", OpenApiConfigs.of(ClbCredentials.of("STS.id", "s", "sts-token"), null).getSecurityToken());
    }
}
