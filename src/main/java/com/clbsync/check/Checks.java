package com.clbsync.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** A preflight's checks for people (a table) and as JSON ({@code check --json}, the function's answer). */
public final class Checks {

    private Checks() {
    }

    /** Exit 0 only when every check passed, else 1. */
    public static int exitCode(List<Check> checks) {
        return Preflight.allPassed(checks) ? 0 : 1;
    }

    public static String text(List<Check> checks) {
        StringBuilder sb = new StringBuilder("clb-sync check (nothing is written)\n");
        for (Check c : checks) {
            sb.append(c.warning() ? "  WARN  " : c.ok() ? "  OK    " : "  FAIL  ").append(c.name()).append('\n')
                    .append("        ").append(c.detail()).append('\n');
            if (!c.ok() || c.warning()) {
                sb.append("        fix: ").append(c.fix()).append('\n');
            }
        }
        long failed = checks.stream().filter(c -> !c.ok()).count();
        sb.append(failed == 0 ? "result: every check passed" : "result: " + failed + " of " + checks.size() + " checks failed")
                .append('\n');
        return sb.toString();
    }

    public static JsonObject toJson(List<Check> checks) {
        JsonObject o = new JsonObject();
        o.addProperty("mode", "check");
        o.addProperty("exitCode", exitCode(checks));
        JsonArray all = new JsonArray();
        for (Check c : checks) {
            JsonObject j = new JsonObject();
            j.addProperty("check", c.name());
            j.addProperty("ok", c.ok());
            j.addProperty("detail", c.detail());
            if (c.warning()) {
                j.addProperty("warning", true);
            }
            if (!c.ok() || c.warning()) {
                j.addProperty("fix", c.fix());
            }
            all.add(j);
        }
        o.add("checks", all);
        return o;
    }
}
