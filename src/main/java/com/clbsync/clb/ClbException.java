package com.clbsync.clb;

/**
 * A failed CLB call: the action, the API's error code and message. Never carries credentials or
 * request signatures.
 */
public final class ClbException extends Exception {
    /** The code used when the call never got an answer (connection refused, timeout). */
    public static final String NO_RESPONSE = "NoResponse";
    /** The code used for an HTTP 5xx answer without an API error code. */
    public static final String SERVER_ERROR = "ServerError";

    private final String action;
    private final String code;
    private final String detail;

    public ClbException(String action, String code, String message) {
        super(action + " failed: " + (code == null ? "Unknown" : code) + (message == null || message.isEmpty() ? "" : ": " + message));
        this.action = action;
        this.code = code == null ? "Unknown" : code;
        this.detail = message == null ? "" : message;
    }

    public String action() { return action; }
    public String code() { return code; }
    /** The API's message, without action and code. */
    public String detail() { return detail; }

    /** Worth another try: throttling, busy, a pending configuration, 5xx, no response. */
    public boolean retryable() {
        return RetryPolicy.retryable(code);
    }

    /** A write whose outcome is unknown: it may have been applied before the answer was lost. */
    public boolean ambiguous() {
        return code.equals(NO_RESPONSE) || code.equals(SERVER_ERROR);
    }

    /** An add of a backend the group already holds. */
    public boolean alreadyExists() {
        return code.equals("BackendServer.AlreadyExist") || code.equals("InvalidBackendServer.Exist")
                || code.equals("BackendServerAlreadyExist");
    }

    /** A remove or re-weight of a backend the group no longer holds. */
    public boolean notExist() {
        return code.equals("InvalidBackendServer.NotExist");
    }

    /** The group (or CLB) holds as many backends as it may. */
    public boolean overLimit() {
        return code.equals("InstanceBackendServerNumberOverLimit");
    }

    /** The vServer group does not exist. */
    public boolean groupNotFound() {
        return code.equals("InvalidParameter.VServerGroupId") || code.equals("VServerGroupId.NotFound")
                || code.equals("InvalidVServerGroupId.NotFound");
    }
}
