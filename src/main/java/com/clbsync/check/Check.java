package com.clbsync.check;

import java.util.Objects;

/** One preflight check: what was tried, whether it passed, what came back, and the fix when it did not. */
public final class Check {
    private final String name;
    private final boolean ok;
    private final String detail;
    private final String fix;
    private final boolean warning;

    private Check(String name, boolean ok, String detail, String fix, boolean warning) {
        this.name = Objects.requireNonNull(name);
        this.ok = ok;
        this.detail = detail == null ? "" : detail;
        this.fix = fix == null ? "" : fix;
        this.warning = warning;
    }

    public static Check ok(String name, String detail) {
        return new Check(name, true, detail, "", false);
    }

    public static Check failed(String name, String detail, String fix) {
        return new Check(name, false, detail, fix, false);
    }

    /** Passed, but worth a word: what it allows, and how to narrow it (the exit code stays 0). */
    public static Check warned(String name, String detail, String fix) {
        return new Check(name, true, detail, fix, true);
    }

    /** Passed with a warning ({@link #warned}). */
    public boolean warning() { return warning; }

    public String name() { return name; }
    public boolean ok() { return ok; }
    public String detail() { return detail; }
    /** What to do about a failure; empty for a pass. */
    public String fix() { return fix; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Check)) return false;
        Check c = (Check) o;
        return name.equals(c.name) && ok == c.ok && detail.equals(c.detail) && fix.equals(c.fix) && warning == c.warning;
    }
    @Override public int hashCode() { return Objects.hash(name, ok, detail, fix, warning); }
    @Override public String toString() { return (warning ? "WARN  " : ok ? "OK    " : "FAIL  ") + name + ": " + detail + (fix.isEmpty() ? "" : "; fix: " + fix); }
}
