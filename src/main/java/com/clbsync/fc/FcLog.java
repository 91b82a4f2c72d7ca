package com.clbsync.fc;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.clbsync.redact.Redactor;
import com.clbsync.sync.GroupReport;
import com.clbsync.sync.Progress;
import com.clbsync.sync.SyncReport;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * The function's log: one JSON line per group, per error and per progress tick, each redacted, through
 * Function Compute's logger (none without a context: nothing is logged).
 */
final class FcLog {
    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().create();
    private final FunctionComputeLogger logger;

    private FcLog(FunctionComputeLogger logger) {
        this.logger = logger;
    }

    static FcLog of(Context context) {
        return new FcLog(context == null ? null : context.getLogger());
    }

    void error(String message) {
        if (logger != null) {
            JsonObject line = new JsonObject();
            line.addProperty("error", message);
            logger.error(Redactor.redact(LINE.toJson(line)));
        }
    }

    private void info(JsonObject line) {
        if (logger != null) {
            logger.info(Redactor.redact(LINE.toJson(line)));
        }
    }

    /** A line per group (what it did), then a line per error, frozen cluster and frozen Service. */
    void report(SyncReport report) {
        for (GroupReport g : report.groups()) {
            JsonObject line = new JsonObject();
            line.addProperty("group", g.groupId());
            line.addProperty("clb", g.loadBalancerId());
            line.addProperty("status", g.status().name());
            line.addProperty("added", g.added().size());
            line.addProperty("reweighted", g.updated().size());
            line.addProperty("removed", g.removed().size());
            if (g.plan() != null) {
                line.addProperty("unchanged", g.plan().unchanged().size());
                line.addProperty("foreign", g.plan().foreign().size());
                line.addProperty("conflicts", g.plan().conflicts().size());
            }
            if (!g.left().isEmpty()) {
                line.addProperty("leftUndone", g.left().size());
            }
            line.addProperty("errors", g.errors().size());
            info(line);
            g.errors().forEach(e -> error(g.groupId() + ": " + e));
        }
        report.errors().forEach(this::error);
        report.eventProblems().forEach(e -> error("event: " + e));
        report.clusters().stream().filter(c -> c.frozen()).forEach(c -> error("cluster " + c.name() + " frozen: " + c.reason()));
        report.frozenServices().forEach(f -> error("service frozen: " + f));
    }

    /** Where a long run stands, as the command line prints it on standard error. */
    void progress(Progress.Snapshot p) {
        JsonObject line = new JsonObject();
        line.addProperty("progressSeconds", p.elapsed().toSeconds());
        line.addProperty("groupsDone", p.groupsDone());
        line.addProperty("groups", p.groups());
        line.addProperty("clbCalls", p.calls());
        line.addProperty("refused", p.refused());
        line.addProperty("writeCallsLeft", p.writesLeft());
        if (p.eta() != null) {
            line.addProperty("etaSeconds", p.eta().toSeconds());
        }
        info(line);
    }
}
