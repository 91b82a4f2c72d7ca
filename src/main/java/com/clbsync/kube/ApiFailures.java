package com.clbsync.kube;

import io.kubernetes.client.openapi.ApiException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a failed API server call amounts to: its kind (refused credentials, RBAC, gone, expired, TLS,
 * unreachable), whether one retry may help, how long the server asks to wait, and a description fit
 * for a report (status code and cause only, never a response body or header).
 */
final class ApiFailures {
    static final int MAX_RETRY_AFTER_SECONDS = 5;

    private ApiFailures() {
    }

    static ClusterReadException.Kind kindOf(ApiException e) {
        if (e.getCode() == 401) {
            return ClusterReadException.Kind.UNAUTHORIZED;
        }
        if (e.getCode() == 403) {
            return ClusterReadException.Kind.FORBIDDEN;
        }
        if (e.getCode() == 404) {
            return ClusterReadException.Kind.NOT_FOUND;
        }
        if (e.getCode() == 410) {
            return ClusterReadException.Kind.EXPIRED;
        }
        for (Throwable t = e.getCause(); e.getCode() == 0 && t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return ClusterReadException.Kind.TLS;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.NoRouteToHostException) {
                return ClusterReadException.Kind.UNREACHABLE;
            }
        }
        return ClusterReadException.Kind.OTHER;
    }

    static boolean isTransient(ApiException e) {
        return e.getCode() == 0 || e.getCode() == 429 || e.getCode() >= 500;
    }

    /** The server's Retry-After (seconds, at most 5), else half a second. */
    static Duration retryAfter(ApiException e) {
        Map<String, List<String>> headers = e.getResponseHeaders();
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if ("retry-after".equalsIgnoreCase(h.getKey()) && h.getValue() != null && !h.getValue().isEmpty()
                        && h.getValue().get(0).trim().matches("\\d{1,4}")) {
                    return Duration.ofSeconds(Math.min(MAX_RETRY_AFTER_SECONDS, Long.parseLong(h.getValue().get(0).trim())));
                }
            }
        }
        return Duration.ofMillis(500);
    }

    /** Status code and cause only: a response body or header could carry more than we want in a log. */
    static String describe(ApiException e) {
        if (e.getCode() != 0) {
            return "HTTP " + e.getCode();
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // okhttp names an address as InetSocketAddress#toString does, "host/10.0.0.1:6443" or "/10.0.0.1:6443"
        String message = cause.getMessage() == null ? null
                : cause.getMessage().replaceAll("(^|\\s)[^\\s/]*/(\\d[\\d.]*:\\d+)", "$1$2");
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
