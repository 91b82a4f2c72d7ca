package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a warm instance remembers of the backends it drains: per group, when each was first at weight 0
 * (set by a run, or first seen so). The CLB keeps no such time, so a cold instance starts counting
 * from its first run: a drain is never cut short, at worst lengthened by one instance's life.
 * Thread-safe: groups of different CLBs are synced in parallel.
 */
public final class DrainLog {
    private final Map<String, Map<BackendKey, Instant>> byGroup = new ConcurrentHashMap<>();

    /** When each draining backend of the group was first at weight 0. */
    Map<BackendKey, Instant> zeroSince(String groupId) {
        return Map.copyOf(byGroup.getOrDefault(groupId, Map.of()));
    }

    /**
     * After an applied run: the group's draining backends (as they were before it) are now at weight 0,
     * those set to 0 by this run from {@code now}; a backend no longer draining is forgotten.
     */
    void update(String groupId, List<Backend> draining, Instant now) {
        Map<BackendKey, Instant> before = byGroup.getOrDefault(groupId, Map.of());
        Map<BackendKey, Instant> after = new HashMap<>();
        for (Backend b : draining) {
            after.put(b.key(), b.weight() > 0 ? now : before.getOrDefault(b.key(), now));
        }
        if (after.isEmpty()) {
            byGroup.remove(groupId);
        } else {
            byGroup.put(groupId, Map.copyOf(after));
        }
    }
}
