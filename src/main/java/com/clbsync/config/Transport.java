package com.clbsync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The transport rule for every endpoint and API server: credentials, signed requests and kubeconfigs
 * travel over HTTPS; plain {@code http://} is allowed only to loopback (the stand-ins of tests and
 * the demo), where nothing leaves the machine.
 */
public final class Transport {
    private Transport() {
    }

    /** 127.0.0.0/8, {@code localhost} or {@code ::1}. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /**
     * Why this URL may not be used (plain HTTP to a host that is not loopback), or empty. A URL
     * without a scheme is a host name, reached over HTTPS.
     */
    public static Optional<String> refusal(String url) {
        if (url == null || !url.regionMatches(true, 0, "http://", 0, 7)) {
            return Optional.empty();
        }
        String host;
        try {
            host = new URI(url).getHost();
        } catch (URISyntaxException e) {
            host = null;
        }
        return isLoopback(host) ? Optional.empty() : Optional.of("plain http:// to a host that is not loopback would carry"
                + " credentials in clear text: use https://");
    }
}
