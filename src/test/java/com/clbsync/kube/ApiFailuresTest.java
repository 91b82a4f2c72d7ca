package com.clbsync.kube;

import io.kubernetes.client.openapi.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFailuresTest {
    private static ApiException status(int code, Map<String, List<String>> headers) {
        return new ApiException(code, headers, "{\"message\":\"token abc in the body\"}");
    }

    @Test
    void namesTheKindOfFailureByStatusAndCause() {
        assertThat(ApiFailures.kindOf(status(401, Map.of()))).isEqualTo(ClusterReadException.Kind.UNAUTHORIZED);
        assertThat(ApiFailures.kindOf(status(403, Map.of()))).isEqualTo(ClusterReadException.Kind.FORBIDDEN);
        assertThat(ApiFailures.kindOf(status(404, Map.of()))).isEqualTo(ClusterReadException.Kind.NOT_FOUND);
        assertThat(ApiFailures.kindOf(status(410, Map.of()))).isEqualTo(ClusterReadException.Kind.EXPIRED);
        assertThat(ApiFailures.kindOf(new ApiException(new java.net.ConnectException("refused"))))
                .isEqualTo(ClusterReadException.Kind.UNREACHABLE);
        assertThat(ApiFailures.kindOf(new ApiException(new javax.net.ssl.SSLHandshakeException("bad certificate"))))
                .isEqualTo(ClusterReadException.Kind.TLS);
    }

    @Test
    void retriesOnlyWhatMayPassAndWaitsAsTheServerAsksUpToFiveSeconds() {
        assertThat(ApiFailures.isTransient(status(429, Map.of()))).isTrue();
        assertThat(ApiFailures.isTransient(status(503, Map.of()))).isTrue();
        assertThat(ApiFailures.isTransient(status(403, Map.of()))).isFalse();
        assertThat(ApiFailures.retryAfter(status(429, Map.of("Retry-After", List.of("2"))))).isEqualTo(Duration.ofSeconds(2));
        assertThat(ApiFailures.retryAfter(status(429, Map.of("retry-after", List.of("3600"))))).isEqualTo(Duration.ofSeconds(5));
        assertThat(ApiFailures.retryAfter(status(503, Map.of()))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void describesByStatusAndCauseNeverByTheBody() {
        assertThat(ApiFailures.describe(status(403, Map.of()))).isEqualTo("HTTP 403");
        assertThat(ApiFailures.describe(new ApiException(new java.net.ConnectException("Failed to connect to host/10.0.0.1:6443"))))
                .isEqualTo("ConnectException (Failed to connect to 10.0.0.1:6443)");
    }
}
