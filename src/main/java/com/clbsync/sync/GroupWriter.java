package com.clbsync.sync;

import com.clbsync.clb.ClbException;
import com.clbsync.clb.GroupWrite;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.plan.Backend;
import com.clbsync.plan.GroupDiff;
import com.clbsync.plan.Ownership;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Writes one planned group in rounds. A round makes the most useful changes first; when a write is
 * refused or unanswered, the group is described again and judged from what it holds, whatever code came
 * back: what it shows done is done, a group now as wanted is converged, a refusal that left nothing done
 * fails the group, and otherwise the next round continues with what is left (a full CLB: removals first).
 */
final class GroupWriter {
    /** Write rounds per group, each after a fresh describe (a concurrent run can make several necessary). */
    static final int MAX_ROUNDS = 5;
    private final VServerGroupApi api;
    private final Ownership ownership;
    private final Predicate<Backend> live;

    /** @param live whether a backend's ECS instance or pod IP still exists (a dead one's removal comes first) */
    GroupWriter(VServerGroupApi api, Ownership ownership, Predicate<Backend> live) {
        this.api = api;
        this.ownership = ownership;
        this.live = live;
    }

    GroupReport write(GroupSync.Planned p, Changes first) {
        Changes made = Changes.none();
        Changes next = first;
        boolean removeFirst = false;
        for (int round = 1; ; round++) {
            Written written = new Written();
            Optional<ClbException> failure = round(p.groupId, next, removeFirst, written);
            if (failure.isEmpty()) {
                return p.report.made(made.plus(next)).build(GroupReport.Status.SYNCED);
            }
            ClbException e = failure.get();
            // what the CLB confirmed counts when nothing better is known; a describe, when it answers, knows better
            Changes madeAtLeast = made.plus(written.confirmed());
            Changes left = next.without(written.confirmed());
            if (e.deadline()) {
                return unfinished(p.report, madeAtLeast, left, e);
            }
            Changes still;
            try {
                still = Changes.of(GroupDiff.compute(api.describe(p.groupId).backends(), p.desired, ownership, p.freeze, p.drain));
            } catch (ClbException d) {
                return d.deadline() ? unfinished(p.report, madeAtLeast, left, e) : p.report.made(madeAtLeast).left(left)
                        .error(e.code(), e.getMessage() + "; then " + d.getMessage() + "; left undone at most: " + left)
                        .build(GroupReport.Status.FAILED);
            }
            Changes done = next.without(still);
            made = made.plus(done);
            if (still.isEmpty()) {
                return p.report.made(made).warning(e.code() + " on " + e.action() + ": described the group again; it was as"
                        + " wanted").build(GroupReport.Status.SYNCED);
            }
            if (!worthAnotherRound(e, done) || round == MAX_ROUNDS) {
                return p.report.made(made).left(still).error(e.code(), e.getMessage() + "; described the group again: left"
                        + " undone " + still).build(GroupReport.Status.FAILED);
            }
            removeFirst |= e.overLimit();
            p.report.warning(e.code() + " on " + e.action() + ": described the group again, then continued with " + still);
            next = still;
        }
    }

    /** Whether another round may get further: the failure may pass, or this round did get somewhere. */
    private static boolean worthAnotherRound(ClbException e, Changes done) {
        return e.retryable() || e.ambiguous() || e.overLimit() || !done.isEmpty();
    }

    private static GroupReport unfinished(GroupReport.Builder report, Changes made, Changes left, ClbException e) {
        return report.made(made).left(left).error(e.code(), "stopped by the run's deadline (" + e.action() + " " + e.detail()
                + "); left undone at most " + left + ": the next run continues from what the CLB then holds")
                .build(GroupReport.Status.UNFINISHED);
    }

    /**
     * One round, the most useful changes first, so that a run the deadline or the quota stops has done
     * them: removals of backends whose instance is gone (a deleted node: dead weight in the group), then
     * the group's weights, then additions, then the other removals (all removals first when the CLB was
     * full). Notes what the CLB confirmed; the failure that stopped it, if any.
     */
    private Optional<ClbException> round(String groupId, Changes c, boolean removeFirst, Written written) {
        List<Backend> gone = new ArrayList<>();
        List<Backend> others = new ArrayList<>();
        c.removes().forEach(b -> (removeFirst || !live.test(b) ? gone : others).add(b));
        try {
            call(groupId, GroupWrite.REMOVE, gone, written);
            call(groupId, GroupWrite.SET_WEIGHTS, c.updates(), written);
            call(groupId, GroupWrite.ADD, c.adds(), written);
            call(groupId, GroupWrite.REMOVE, others, written);
            return Optional.empty();
        } catch (ClbException e) {
            GroupWrite.ofAction(e.action()).ifPresent(w -> written.of(w).addAll(e.applied())); // its confirmed batches
            return Optional.of(e);
        }
    }

    private void call(String groupId, GroupWrite write, List<Backend> backends, Written written) throws ClbException {
        if (backends.isEmpty()) {
            return;
        }
        switch (write) {
            case ADD:
                api.add(groupId, backends);
                break;
            case SET_WEIGHTS:
                api.setWeights(groupId, backends);
                break;
            default:
                api.remove(groupId, backends);
        }
        written.of(write).addAll(backends);
    }

    /** What one round's calls were confirmed to have written, by kind of write. */
    private static final class Written {
        private final Map<GroupWrite, List<Backend>> byWrite = new EnumMap<>(GroupWrite.class);

        List<Backend> of(GroupWrite write) {
            return byWrite.computeIfAbsent(write, w -> new ArrayList<>());
        }

        Changes confirmed() {
            return Changes.of(of(GroupWrite.ADD), of(GroupWrite.SET_WEIGHTS), of(GroupWrite.REMOVE));
        }
    }
}
