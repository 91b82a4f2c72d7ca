package com.clbsync.clb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of calls per period, as the CLB's quotas are given: {@code "90/60s"}, {@code "600/1m"}. */
public final class Rate {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*/\\s*(\\d{1,5})\\s*(ms|s|m)");
    private final int calls;
    private final Duration period;

    private Rate(int calls, Duration period) {
        if (calls < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate needs at least one call in a positive period");
        }
        this.calls = calls;
        this.period = period;
    }

    public static Rate of(int calls, Duration period) {
        return new Rate(calls, period);
    }

    /** {@code "<calls>/<n>ms|s|m"}, or empty when the text is not in that form. */
    public static Optional<Rate> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(2));
        Duration period = m.group(3).equals("ms") ? Duration.ofMillis(n)
                : m.group(3).equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
        return Optional.of(new Rate(Integer.parseInt(m.group(1)), period));
    }

    public int calls() { return calls; }
    public Duration period() { return period; }

    /** The time between two calls at this rate. */
    public Duration interval() {
        return period.dividedBy(calls);
    }

    /** This rate times {@code factor} (0..1]: a smaller share of the quota, or a slowdown. */
    public Rate times(double factor) {
        long nanos = (long) Math.ceil(interval().toNanos() / factor);
        return new Rate(1, Duration.ofNanos(Math.max(1, nanos)));
    }

    public double perSecond() {
        return calls * 1e9 / period.toNanos();
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Rate)) return false;
        Rate r = (Rate) o;
        return interval().equals(r.interval());
    }
    @Override public int hashCode() { return Objects.hash(interval()); }
    @Override public String toString() { return calls + "/" + period.toMillis() + "ms"; }
}
