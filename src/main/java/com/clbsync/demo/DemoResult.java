package com.clbsync.demo;

import com.clbsync.plan.Backend;

import java.util.List;
import java.util.Map;

/** What the demo did: each step's CLB calls by action, and the groups at the end. */
public final class DemoResult {
    private final List<Map<String, Long>> callsPerStep;
    private final Map<String, List<Backend>> finalGroups;

    DemoResult(List<Map<String, Long>> callsPerStep, Map<String, List<Backend>> finalGroups) {
        this.callsPerStep = List.copyOf(callsPerStep);
        this.finalGroups = Map.copyOf(finalGroups);
    }

    public List<Map<String, Long>> callsPerStep() { return callsPerStep; }
    public Map<String, List<Backend>> finalGroups() { return finalGroups; }
}
