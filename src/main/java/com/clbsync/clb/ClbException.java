package com.clbsync.clb;

/**
 * A failed CLB call: the action, the API's error code and message. Never carries credentials or
 * request signatures.
 */
public final class ClbException extends Exception {
    /** The code used when the call never got an answer (connection refused, timeout). */
    public static final String NO_RESPONSE = "NoResponse";

    private final String action;
    private final String code;

    public ClbException(String action, String code, String message) {
        super(action + " failed: " + code + (message == null || message.isEmpty() ? "" : ": " + message));
        this.action = action;
        this.code = code == null ? "Unknown" : code;
    }

    public String action() { return action; }
    public String code() { return code; }

    /** The vServer group does not exist. */
    public boolean groupNotFound() {
        return code.equals("InvalidParameter.VServerGroupId") || code.equals("VServerGroupId.NotFound")
                || code.equals("InvalidVServerGroupId.NotFound");
    }
}
