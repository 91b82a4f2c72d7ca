package com.clbsync.sync;

import com.clbsync.clb.CallListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a run stands: groups done of all, CLB calls made and refused, write calls the plans still
 * ask for, and the time that leaves at the current pace. Fed by the run (groups, plans) and by the
 * CLB API (every call and refusal); read as {@link Snapshot}s by whoever prints progress.
 */
public final class Progress implements CallListener {
    private final Clock clock;
    private final Instant started;
    private final AtomicInteger groups = new AtomicInteger();
    private final AtomicInteger groupsDone = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger writesPlanned = new AtomicInteger();
    private final AtomicInteger writesMade = new AtomicInteger();

    public Progress(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    void groups(int total) { groups.set(total); }
    void planned(int writeCalls) { writesPlanned.addAndGet(writeCalls); }
    void groupDone() { groupsDone.incrementAndGet(); }

    @Override
    public void sent(String action) {
        calls.incrementAndGet();
        if (isWrite(action)) {
            writesMade.incrementAndGet();
        }
    }

    @Override
    public void refused(String action, String code) {
        refused.incrementAndGet();
        if (isWrite(action)) {
            writesPlanned.incrementAndGet(); // the call is made again
        }
    }

    /**
     * Tells {@code sink} where the run stands every {@code every} until closed (nothing with a null sink);
     * its one daemon thread ends with it.
     */
    Ticking ticking(java.util.function.Consumer<Snapshot> sink, Duration every) {
        if (sink == null) {
            return () -> { };
        }
        java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(Pools.daemon("clb-sync-progress"));
        ticker.scheduleAtFixedRate(() -> sink.accept(snapshot()), every.toMillis(), every.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> ticker.shutdownNow();
    }

    /** Progress told every so often, until closed. */
    interface Ticking extends AutoCloseable {
        @Override
        void close();
    }

    /** A write of either API (a read is a Describe, List or Get call; an NLB job's poll is a read). */
    private static boolean isWrite(String action) {
        return !(action.startsWith("Describe") || action.startsWith("List") || action.startsWith("Get"));
    }

    public Snapshot snapshot() {
        Duration elapsed = Duration.between(started, clock.instant());
        int made = writesMade.get();
        int left = Math.max(0, writesPlanned.get() - made);
        Duration eta = made == 0 || left == 0 ? null : elapsed.multipliedBy(left).dividedBy(made);
        return new Snapshot(groupsDone.get(), groups.get(), calls.get(), refused.get(), left, elapsed, eta);
    }

    /** One reading of a run's progress. */
    public static final class Snapshot {
        private final int groupsDone;
        private final int groups;
        private final int calls;
        private final int refused;
        private final int writesLeft;
        private final Duration elapsed;
        private final Duration eta;

        Snapshot(int groupsDone, int groups, int calls, int refused, int writesLeft, Duration elapsed, Duration eta) {
            this.groupsDone = groupsDone;
            this.groups = groups;
            this.calls = calls;
            this.refused = refused;
            this.writesLeft = writesLeft;
            this.elapsed = elapsed;
            this.eta = eta;
        }

        public int groupsDone() { return groupsDone; }
        public int groups() { return groups; }
        public int calls() { return calls; }
        public int refused() { return refused; }
        /** Write calls the plans still ask for (a refused call counts again). */
        public int writesLeft() { return writesLeft; }
        public Duration elapsed() { return elapsed; }
        /** The time left at the pace so far, or null before the first write. */
        public Duration eta() { return eta; }

        @Override public boolean equals(Object o) {
            if (!(o instanceof Snapshot)) return false;
            Snapshot s = (Snapshot) o;
            return groupsDone == s.groupsDone && groups == s.groups && calls == s.calls && refused == s.refused
                    && writesLeft == s.writesLeft && elapsed.equals(s.elapsed) && Objects.equals(eta, s.eta);
        }
        @Override public int hashCode() { return Objects.hash(groupsDone, groups, calls, refused, writesLeft, elapsed, eta); }
        @Override public String toString() {
            return String.format("progress %ds: groups %d/%d done, %d CLB calls made (%d refused), %d write calls left by"
                    + " the plan%s", elapsed.toSeconds(), groupsDone, groups, calls, refused, writesLeft,
                    eta == null ? "" : ", about " + eta.toSeconds() + " s left at the current pace");
        }
    }
}
