package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.GroupPlan;
import com.clbsync.plan.Ownership;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What is left of each retired owner in a group once its plan is carried out: backends by owner id. */
final class RetiredLeft {
    private RetiredLeft() {
    }

    static Map<String, Integer> of(java.util.List<Backend> current, GroupPlan plan, Ownership ownership) {
        Set<Object> leaving = new HashSet<>();
        plan.removes().forEach(b -> leaving.add(b.key()));
        Map<String, Integer> left = new TreeMap<>();
        for (Backend b : current) {
            ownership.retiredOf(b).filter(owner -> !leaving.contains(b.key())).ifPresent(owner -> left.merge(owner, 1, Integer::sum));
        }
        return left;
    }
}
