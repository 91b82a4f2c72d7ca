package com.clbsync.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One API request as the emulator reads it off the wire: its action and parameters (query and form
 * body), its headers without any credential, and what it says of its signing (the scheme, whether an STS
 * token came along). The credentials themselves are used while the request is answered and never kept.
 */
final class WireRequest {
    /** Headers and parameters that carry a credential or a signature: checked, never recorded. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "x-acs-security-token", "x-acs-signature-nonce",
            "x-acs-signature-method", "x-acs-signature-version", "x-acs-accesskey-id");
    private static final Set<String> CREDENTIAL_PARAMS = Set.of("Signature", "SecurityToken", "AccessKeyId", "SignatureNonce");

    final String action;
    /** The parameters, less the credential ones. */
    final Map<String, String> params;
    /** The headers (names in lower case), less the credential ones. */
    final Map<String, String> headers;
    /** The signature's scheme ({@code ACS3-HMAC-SHA256}, or {@code RPC} for a signed query), empty when unsigned. */
    final String signing;
    /** The STS token the request carries, for the expiry check only; empty when none. */
    final String securityToken;
    private final String raw;

    private WireRequest(String action, Map<String, String> params, Map<String, String> headers, String signing,
                        String securityToken, String raw) {
        this.action = action;
        this.params = params;
        this.headers = headers;
        this.signing = signing;
        this.securityToken = securityToken;
        this.raw = raw;
    }

    static WireRequest read(HttpExchange ex) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        decode(query, all);
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (!body.isEmpty() && type != null && type.startsWith("application/x-www-form-urlencoded")) {
            decode(body, all);
        }
        Map<String, String> allHeaders = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> allHeaders.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String authorization = allHeaders.getOrDefault("authorization", "");
        String signing = !authorization.isEmpty() ? authorization.split(" ", 2)[0] : all.containsKey("Signature") ? "RPC" : "";
        String token = allHeaders.getOrDefault("x-acs-security-token", all.getOrDefault("SecurityToken", ""));
        String action = allHeaders.getOrDefault("x-acs-action", all.getOrDefault("Action", ""));
        Map<String, String> params = new LinkedHashMap<>(all);
        CREDENTIAL_PARAMS.forEach(params::remove);
        Map<String, String> headers = new TreeMap<>(allHeaders);
        CREDENTIAL_HEADERS.forEach(headers::remove);
        String raw = (query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8)) + "\n" + body + "\n"
                + String.join("\n", allHeaders.values());
        return new WireRequest(action, Map.copyOf(params), Map.copyOf(headers), signing, token, raw);
    }

    /** Whether {@code text} appears anywhere in the request: its query, body or any header. */
    boolean carries(String text) {
        return raw.contains(text);
    }

    private static void decode(String raw, Map<String, String> out) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
    }
}
