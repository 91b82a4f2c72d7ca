package com.clbsync.fc;

import com.clbsync.sync.SyncScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What an invocation's event asks for: which trigger it came from, plan or apply, the scope, and notes for the report. */
public final class Trigger {
    private final String kind;
    private final boolean apply;
    private final SyncScope scope;
    private final List<String> notes;

    private Trigger(String kind, boolean apply, SyncScope scope, List<String> notes) {
        this.kind = Objects.requireNonNull(kind);
        this.apply = apply;
        this.scope = Objects.requireNonNull(scope);
        this.notes = counted(notes);
    }

    /** Notes in first-seen order, each once: a batch of a thousand like events gives one note with its count. */
    private static List<String> counted(List<String> notes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        notes.forEach(n -> counts.merge(n, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((n, c) -> out.add(c == 1 ? n : n + " (" + c + " events)"));
        return List.copyOf(out);
    }

    public static Trigger of(String kind, boolean apply, SyncScope scope, List<String> notes) {
        return new Trigger(kind, apply, scope, notes);
    }

    /** {@code timer}, {@code eventbridge}, {@code sls} or {@code manual}. */
    public String kind() { return kind; }
    public boolean apply() { return apply; }
    public SyncScope scope() { return scope; }
    /** Why the scope is what it is (unknown cluster, fallback to a whole cluster, ...). */
    public List<String> notes() { return notes; }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Trigger)) return false;
        Trigger t = (Trigger) o;
        return kind.equals(t.kind) && apply == t.apply && scope.equals(t.scope) && notes.equals(t.notes);
    }
    @Override public int hashCode() { return Objects.hash(kind, apply, scope, notes); }
    @Override public String toString() { return kind + (apply ? " apply " : " plan ") + scope + " " + notes; }
}
