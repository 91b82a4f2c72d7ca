package com.clbsync.clb;

import com.clbsync.plan.Backend;

import java.util.List;

/**
 * A failed CLB call: the action, the HTTP status, the API's error code and message. Only the behaviour
 * the CLB API reference documents is classified here (codes, statuses, messages); anything
 * else is judged by describing the group again, never from a guessed code. Never carries credentials
 * or request signatures.
 */
public final class ClbException extends Exception {
    /** The code used when the call never got an answer (connection refused, timeout). */
    public static final String NO_RESPONSE = "NoResponse";
    /** The code used for an HTTP 5xx answer without an API error code. */
    public static final String SERVER_ERROR = "ServerError";
    /** The code used for a call not sent because the run's deadline would pass before it could finish. */
    public static final String DEADLINE = "DeadlineReached";

    /** The NLB's code for a server group that does not exist. */
    public static final String NLB_GROUP_NOT_FOUND = "ResourceNotFound.serverGroup";
    /** The code used when an NLB job clb-sync waited on ended in failure: what it did is judged from a new list. */
    public static final String JOB_FAILED = "JobFailed";

    /** The code used for an answer clb-sync cannot use (a backend row without ServerId): the group is not touched. */
    public static final String UNUSABLE_ANSWER = "UnusableAnswer";

    private final String action;
    private final int status;
    private final String code;
    private final String detail;
    private final List<Backend> applied;

    /** @param status the HTTP status, 0 when there was no answer */
    public ClbException(String action, int status, String code, String message) {
        this(action, status, code, message, List.of());
    }

    private ClbException(String action, int status, String code, String message, List<Backend> applied) {
        super(action + " failed: " + (code == null || code.isEmpty() ? "Unknown" : code)
                + (message == null || message.isEmpty() ? "" : ": " + message), null, false, false);
        this.action = action;
        this.status = status;
        this.code = code == null || code.isEmpty() ? "Unknown" : code;
        this.detail = message == null ? "" : message;
        this.applied = List.copyOf(applied);
    }

    /** The same failure, noting the backends of this call's batches that were confirmed before it. */
    public ClbException withApplied(List<Backend> confirmed) {
        return new ClbException(action, status, code, detail, confirmed);
    }

    /** The backends of the call's earlier batches that the CLB confirmed before this failure (batches are whole). */
    public List<Backend> applied() { return applied; }

    public String action() { return action; }
    /** The HTTP status of the answer, 0 when none came. */
    public int status() { return status; }
    public String code() { return code; }
    /** The API's message, without action and code. */
    public String detail() { return detail; }

    /** Worth another try: throttling, busy, a pending configuration, 5xx, no response. */
    public boolean retryable() {
        return RetryPolicy.retryable(code);
    }

    /** Refused for the account's rate limit ({@code Throttling}, {@code Throttling.User}, ...). */
    public boolean throttled() {
        return code.contains("Throttling");
    }

    /** A call whose outcome is unknown: it may have been applied before the answer was lost. */
    public boolean ambiguous() {
        return code.equals(NO_RESPONSE) || code.equals(SERVER_ERROR) || code.equals(JOB_FAILED) || status >= 500;
    }

    /**
     * The group holds as many backends as it may (a CLB 200 per instance; an NLB server group 400, refused
     * {@code QuotaExceeded.QuotaInsufficient}): removals first may make room.
     */
    public boolean overLimit() {
        return code.equals("InstanceBackendServerNumberOverLimit") || code.equals("QuotaExceeded.QuotaInsufficient");
    }

    /** The call was not sent: the run's deadline came first. */
    public boolean deadline() {
        return code.equals(DEADLINE);
    }

    /**
     * The vServer group does not exist. The API has no dedicated code: it answers {@code 404
     * InvalidParameter} "The specified VServerGroupId does not exist.", so status and message decide
     * ({@code InvalidParameter} alone also means malformed input).
     */
    public boolean groupNotFound() {
        return status == 404 && code.startsWith("InvalidParameter") && detail.contains("VServerGroupId")
                && detail.contains("not exist") || code.equals(NLB_GROUP_NOT_FOUND);
    }

    /** A RAM refusal: the role or user lacks the action. */
    public boolean missingPermission() {
        return code.equals("Forbidden.RAM") || code.equals("NoPermission") || code.equals("Forbidden")
                || code.equals("Forbidden.NoPermission");
    }
}
