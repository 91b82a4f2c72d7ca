package com.clbsync.clb;

import com.clbsync.testing.World;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLB's error payloads as its API reference documents them, served as recorded
 * answers and read through the real SLB SDK: each is classified as the documentation says.
 */
class DocumentedErrorsTest {
    private WireMockServer clb;
    private SlbVServerGroupApi api;

    @BeforeEach
    void start() {
        clb = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        clb.start();
        api = SlbVServerGroupApi.create("cn-hangzhou", "http://127.0.0.1:" + clb.port(),
                ClbCredentials.of("AKID", World.SECRET, null)).withRetry(RetryPolicy.of(java.time.Duration.ZERO,
                java.time.Duration.ZERO, 1), d -> { });
    }

    @AfterEach
    void stop() {
        clb.stop();
    }

    private ClbException answer(int status, String code, String message) {
        clb.resetAll();
        clb.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"RequestId\":\"4C1A\",\"HostId\":\"slb.aliyuncs.com\",\"Code\":\"" + code + "\",\"Message\":\""
                        + message + "\",\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=" + code + "\"}")));
        try {
            api.describe("rsp-1");
        } catch (ClbException e) {
            return e;
        }
        throw new AssertionError("no error for " + code);
    }

    @Test
    void aMissingGroupIsRecognisedByStatusAndMessage() {
        ClbException e = answer(404, "InvalidParameter", "The specified VServerGroupId does not exist.");
        assertThat(e.groupNotFound()).isTrue();
        assertThat(e.retryable()).isFalse();
        assertThat(answer(400, "InvalidParameter", "The resource already exists.").groupNotFound()).isFalse();
    }

    @Test
    void theBusyAndThrottlingAnswersAreRetriedAndTheRamRefusalNamesTheAction() {
        assertThat(answer(400, "VServerGroupProcessing", "A previous change is pending.").retryable()).isTrue();
        assertThat(answer(409, "ServiceIsStopping", "The service is stopping.").retryable()).isTrue();
        assertThat(answer(400, "Throttling.User", "Request was denied due to user flow control.").throttled()).isTrue();
        assertThat(answer(503, "ServiceUnavailable", "The request has failed due to a temporary failure.").ambiguous()).isTrue();
        assertThat(answer(400, "InstanceBackendServerNumberOverLimit", "The number of backend servers exceeds the limit.")
                .overLimit()).isTrue();
        ClbException ram = answer(403, "Forbidden.RAM", "User not authorized to operate on the specified resource.");
        assertThat(ram.missingPermission()).isTrue();
        assertThat(ram.getMessage()).contains("slb:DescribeVServerGroupAttribute").doesNotContain(World.SECRET);
    }
}
