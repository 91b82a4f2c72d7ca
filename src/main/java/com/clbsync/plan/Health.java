package com.clbsync.plan;

import java.util.Locale;

/** A backend's state in the load balancer's health check, as the API reports it. */
public enum Health {
    /** Passes the health check. */
    NORMAL,
    /** Fails the health check. */
    ABNORMAL,
    /** No health check result: checks are off on the listener, or the listener is stopped. */
    UNAVAILABLE,
    /** Not in the answer at all (a backend added since, or a group with no listener). */
    UNKNOWN;

    /** The API's word ({@code normal}, {@code abnormal}, {@code unavailable}; NLB's {@code Healthy}, {@code Unhealthy}, ...). */
    public static Health fromApi(String status) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "normal":
            case "healthy":
                return NORMAL;
            case "abnormal":
            case "unhealthy":
                return ABNORMAL;
            case "unavailable":
            case "unused":
                return UNAVAILABLE;
            default:
                return UNKNOWN;
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
