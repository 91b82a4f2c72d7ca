package com.clbsync.emulator;

import java.util.Map;

/**
 * One recorded API call: the action, its parameters and headers (names in lower case), none of them a
 * credential or a signature, and how it was signed.
 */
public final class ApiCall {
    private final String action;
    private final Map<String, String> params;
    private final Map<String, String> headers;
    private final String signing;
    private final boolean securityToken;

    ApiCall(WireRequest r) {
        this.action = r.action;
        this.params = r.params;
        this.headers = r.headers;
        this.signing = r.signing;
        this.securityToken = !r.securityToken.isEmpty();
    }

    public String action() { return action; }
    public Map<String, String> params() { return params; }
    public Map<String, String> headers() { return headers; }
    /** The signature's scheme, e.g. {@code ACS3-HMAC-SHA256}. */
    public String signing() { return signing; }
    /** Whether the call carried an STS token. */
    public boolean sentSecurityToken() { return securityToken; }
    /** Whether the call changes anything. */
    public boolean isWrite() { return !(action.startsWith("Describe") || action.startsWith("List") || action.startsWith("Get")); }
    @Override public String toString() { return action + " " + params.getOrDefault("VServerGroupId", ""); }
}
