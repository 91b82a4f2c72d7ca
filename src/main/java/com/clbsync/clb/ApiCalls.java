package com.clbsync.clb;

import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;
import com.clbsync.redact.Redactor;
import com.clbsync.plan.Backend;
import com.clbsync.plan.Batches;
import com.clbsync.time.Deadline;
import com.clbsync.time.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How one run calls an Alibaba Cloud OpenAPI (the SLB's, the ECS's): each call paced by the quotas,
 * bounded by the run's deadline (per-call timeouts shortened to end by it), retried on retryable
 * errors with backoff and full jitter, told to the listener, and its failure mapped to a
 * {@link ClbException}. Immutable; {@link #within} gives the same calls for another run.
 */
final class ApiCalls {
    /** A call is not started with less than this left before the deadline: it could not finish. */
    static final Duration MIN_CALL_TIME = Duration.ofMillis(500);

    private final String product;
    private final Duration connect;
    private final Duration read;
    private final RetryPolicy retry;
    private final Quotas quotas;
    private final Deadline deadline;
    private final Pacer pacer;
    private final CallListener listener;
    private final Sleeper sleeper;

    /** @param product the RAM service prefix named when a permission is missing ({@code slb}, {@code ecs}) */
    ApiCalls(String product, Duration connect, Duration read, RetryPolicy retry, Quotas quotas, Deadline deadline,
             CallListener listener, Sleeper sleeper) {
        this.product = product;
        this.connect = connect;
        this.read = read;
        this.retry = retry;
        this.quotas = quotas;
        this.deadline = deadline;
        this.pacer = new Pacer(quotas, deadline);
        this.listener = listener;
        this.sleeper = sleeper;
    }

    ApiCalls within(Deadline newDeadline, CallListener calls) {
        return new ApiCalls(product, connect, read, retry, quotas, newDeadline, calls, sleeper);
    }

    ApiCalls withRetry(RetryPolicy policy, Sleeper newSleeper) {
        return new ApiCalls(product, connect, read, policy, quotas, deadline, listener, newSleeper);
    }

    ApiCalls withQuotas(Quotas newQuotas) {
        return new ApiCalls(product, connect, read, retry, newQuotas, deadline, listener, sleeper);
    }

    /** Whether the run's deadline leaves {@code wait} and a call after it. */
    boolean allowsWait(Duration wait) {
        return deadline.allows(wait.plus(MIN_CALL_TIME));
    }

    /** Waits {@code d} (between polls of a job), as retries wait. */
    void pause(Duration d) throws InterruptedException {
        sleeper.sleep(d);
    }

    /** One batch's write: its calls, and whatever it waits on, done or failed as a whole. */
    interface BatchWrite {
        void run(List<Backend> batch) throws ClbException;
    }

    /**
     * {@code write} for each batch of at most {@code size} backends in turn; a failure names the batches
     * confirmed before it (batches are whole), so that what was written is known.
     */
    static void inBatches(List<Backend> backends, int size, BatchWrite write) throws ClbException {
        List<Backend> confirmed = new ArrayList<>();
        for (List<Backend> batch : Batches.of(backends, size)) {
            try {
                write.run(batch);
            } catch (ClbException e) {
                throw e.withApplied(confirmed);
            }
            confirmed.addAll(batch);
        }
    }

    interface SdkCall<T> {
        T run(RuntimeOptions runtime) throws Exception;
    }

    /** One SDK call with retries: backoff with full jitter, bounded by attempts and by the deadline. */
    <T> T call(String action, SdkCall<T> sdkCall) throws ClbException {
        for (int attempt = 1; ; attempt++) {
            if (!pacer.await(action, MIN_CALL_TIME)) {
                throw new ClbException(action, 0, ClbException.DEADLINE, "not sent: " + (deadline.allows(MIN_CALL_TIME)
                        ? "the API quota allows no call of it before the run's deadline" : "the run's time budget is spent")
                        + (attempt > 1 ? " (after " + (attempt - 1) + " refused attempts)" : ""));
            }
            ClbException failure;
            listener.sent(action);
            try {
                return sdkCall.run(runtime());
            } catch (Exception e) {
                failure = map(product, action, e);
            }
            listener.refused(action, failure.code());
            if (failure.throttled()) {
                pacer.throttled(action);
            }
            if (!failure.retryable() || attempt >= retry.maxAttempts()) {
                throw failure;
            }
            Duration wait = retry.delay(attempt, ThreadLocalRandom.current()::nextDouble);
            if (!deadline.allows(wait.plus(MIN_CALL_TIME))) {
                throw new ClbException(action, failure.status(), failure.code(), failure.detail()
                        + " (no time left in this run's budget to retry)");
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /**
     * Per-call timeouts, shortened so that the call ends by the deadline; a call that would have less
     * than {@link #MIN_CALL_TIME} is not sent.
     */
    private RuntimeOptions runtime() {
        Duration budget = deadline.bound(connect.plus(read));
        Duration c = connect.compareTo(budget.dividedBy(2)) <= 0 ? connect : budget.dividedBy(2);
        return new RuntimeOptions().setConnectTimeout((int) Math.max(1, c.toMillis()))
                .setReadTimeout((int) Math.max(1, budget.minus(c).toMillis())).setAutoretry(false);
    }

    /** An SDK failure as our error: the API's code, 5xx or no answer; RAM refusals name the missing action. */
    static ClbException map(String product, String action, Exception e) {
        if (e instanceof TeaException) {
            TeaException t = (TeaException) e;
            int status = t.getStatusCode() == null ? 0 : t.getStatusCode();
            String code = t.getCode();
            if ((code == null || code.isEmpty()) && status >= 500) {
                code = ClbException.SERVER_ERROR;
            }
            // the API's words, less any echo of the signed request (a gateway's "string to sign") and credentials
            String message = t.getMessage() == null ? "" : Redactor.firstLine(t);
            ClbException mapped = new ClbException(action, status, code, message);
            if (mapped.missingPermission()) {
                return new ClbException(action, status, code, message + " (the role or user lacks the RAM action "
                        + product + ":" + action + ")");
            }
            return mapped;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new ClbException(action, 0, ClbException.NO_RESPONSE, root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + Redactor.firstLine(root)));
    }
}
