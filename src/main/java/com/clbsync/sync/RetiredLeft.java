package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.GroupPlan;
import com.clbsync.plan.Ownership;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What is left of each retired owner in a group once its plan is carried out: backends by owner id. */
final class RetiredLeft {
    private RetiredLeft() {
    }

    static Map<String, Integer> of(List<Backend> current, GroupPlan plan, Ownership ownership) {
        Set<BackendKey> leaving = plan.removes().stream().map(Backend::key).collect(Collectors.toSet());
        Map<String, Integer> left = new TreeMap<>();
        for (Backend b : current) {
            ownership.retiredOf(b).filter(owner -> !leaving.contains(b.key())).ifPresent(owner -> left.merge(owner, 1, Integer::sum));
        }
        return left;
    }
}
