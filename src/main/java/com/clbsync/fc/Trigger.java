package com.clbsync.fc;

import com.clbsync.sync.SyncScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What an invocation's event asks for: which trigger it came from, plan or apply, the scope, and notes for the report. */
public final class Trigger {
    private final TriggerKind kind;
    private final boolean apply;
    private final SyncScope scope;
    private final List<String> notes;
    private final String auditCluster;
    private final SlsRange auditRange;
    private final Instant time;

    private Trigger(TriggerKind kind, boolean apply, SyncScope scope, List<String> notes, String auditCluster, SlsRange auditRange,
                    Instant time) {
        this.kind = Objects.requireNonNull(kind);
        this.apply = apply;
        this.scope = Objects.requireNonNull(scope);
        this.notes = counted(notes);
        this.auditCluster = auditCluster;
        this.auditRange = auditRange;
        this.time = time;
    }

    /** Notes in first-seen order, each once: a batch of a thousand like events gives one note with its count. */
    private static List<String> counted(List<String> notes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        notes.forEach(n -> counts.merge(n, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((n, c) -> out.add(c == 1 ? n : n + " (" + c + " events)"));
        return List.copyOf(out);
    }

    public static Trigger of(TriggerKind kind, boolean apply, SyncScope scope, List<String> notes) {
        return new Trigger(kind, apply, scope, notes, null, null, null);
    }

    /**
     * A Log Service event: the audit records of {@code range} decide the scope ({@link AuditLogScope});
     * until they are read, the whole cluster.
     */
    public static Trigger auditLog(String cluster, SlsRange range) {
        return new Trigger(TriggerKind.SLS, true, SyncScope.targeted(List.of(cluster), List.of()), List.of(), cluster, range, null);
    }

    /** The same trigger as a plan: its scope is described, nothing is written. */
    public Trigger asPlan() {
        List<String> more = new ArrayList<>(notes);
        more.add("action plan: the event's scope is planned, nothing is written");
        return new Trigger(kind, false, scope, more, auditCluster, auditRange, time);
    }

    /** The same trigger with the scope its audit records call for. */
    Trigger narrowed(SyncScope narrower, List<String> why, Instant recordsTime) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(why);
        return new Trigger(kind, apply, narrower, all, null, null, recordsTime);
    }

    /** The same trigger, with the time of the change it tells of (null: unknown). */
    Trigger at(Instant changeTime) {
        return new Trigger(kind, apply, scope, notes, auditCluster, auditRange, changeTime);
    }

    /** The same trigger with one more note. */
    Trigger noted(String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new Trigger(kind, apply, scope, all, auditCluster, auditRange, time);
    }

    /**
     * When the change this trigger tells of happened, as far as it says (CloudEvent {@code time}, the
     * timer's {@code triggerTime}, the audit records' times; a batch: its latest), or empty.
     */
    public Optional<Instant> time() { return Optional.ofNullable(time); }

    /** The audit-log range whose records decide the scope, if any is still to be read. */
    public Optional<SlsRange> auditRange() { return Optional.ofNullable(auditRange); }
    /** The cluster the audit log belongs to. */
    public String auditCluster() { return auditCluster; }

    public TriggerKind kind() { return kind; }
    public boolean apply() { return apply; }
    public SyncScope scope() { return scope; }
    /** Why the scope is what it is (unknown cluster, fallback to a whole cluster, ...). */
    public List<String> notes() { return notes; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Trigger)) return false;
        Trigger t = (Trigger) o;
        return kind == t.kind && apply == t.apply && scope.equals(t.scope) && notes.equals(t.notes)
                && Objects.equals(auditCluster, t.auditCluster) && Objects.equals(auditRange, t.auditRange)
                && Objects.equals(time, t.time);
    }
    @Override public int hashCode() { return Objects.hash(kind, apply, scope, notes, auditCluster, auditRange, time); }
    @Override public String toString() { return kind.key() + (apply ? " apply " : " plan ") + scope + " " + notes; }
}
