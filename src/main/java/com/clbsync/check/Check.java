package com.clbsync.check;

import java.util.Objects;

/** One preflight check: what was tried, whether it passed, what came back, and the fix when it did not. */
public final class Check {
    private final String name;
    private final boolean ok;
    private final String detail;
    private final String fix;

    private Check(String name, boolean ok, String detail, String fix) {
        this.name = Objects.requireNonNull(name);
        this.ok = ok;
        this.detail = detail == null ? "" : detail;
        this.fix = fix == null ? "" : fix;
    }

    public static Check ok(String name, String detail) {
        return new Check(name, true, detail, "");
    }

    public static Check failed(String name, String detail, String fix) {
        return new Check(name, false, detail, fix);
    }

    public String name() { return name; }
    public boolean ok() { return ok; }
    public String detail() { return detail; }
    /** What to do about a failure; empty for a pass. */
    public String fix() { return fix; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Check)) return false;
        Check c = (Check) o;
        return name.equals(c.name) && ok == c.ok && detail.equals(c.detail) && fix.equals(c.fix);
    }
    @Override public int hashCode() { return Objects.hash(name, ok, detail, fix); }
    @Override public String toString() { return (ok ? "OK    " : "FAIL  ") + name + ": " + detail + (fix.isEmpty() ? "" : "; fix: " + fix); }
}
