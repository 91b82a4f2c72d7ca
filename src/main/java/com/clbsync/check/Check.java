package com.clbsync.check;

import com.google.auto.value.AutoValue;

/** One preflight check: what was tried, whether it passed, what came back, and the fix when it did not. */
@AutoValue
public abstract class Check {
    public abstract String name();
    public abstract boolean ok();
    public abstract String detail();
    /** What to do about a failure; empty for a pass. */
    public abstract String fix();
    /** Passed with a warning ({@link #warned}). */
    public abstract boolean warning();

    private static Check of(String name, boolean ok, String detail, String fix, boolean warning) {
        return new AutoValue_Check(name, ok, detail == null ? "" : detail, fix == null ? "" : fix, warning);
    }

    public static Check ok(String name, String detail) {
        return of(name, true, detail, "", false);
    }

    public static Check failed(String name, String detail, String fix) {
        return of(name, false, detail, fix, false);
    }

    /** Passed, but worth a word: what it allows, and how to narrow it (the exit code stays 0). */
    public static Check warned(String name, String detail, String fix) {
        return of(name, true, detail, fix, true);
    }

    @Override public String toString() {
        return (warning() ? "WARN  " : ok() ? "OK    " : "FAIL  ") + name() + ": " + detail() + (fix().isEmpty() ? "" : "; fix: " + fix());
    }
}
