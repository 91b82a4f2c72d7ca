package com.clbsync.plan;

import java.util.List;
import java.util.Map;

/** Turns the contributions of all Services to one vServer group into weighted backends. */
public interface WeightPolicy {
    /** The weighted backends of each Service, keyed by Service (each Service appears once per group). */
    Map<ServiceRef, List<Backend>> weigh(List<ServiceTarget> targets);

    /** The weight a Service with a {@code ...-weight} is meant to have against the others of its group. */
    default int intendedWeight(ServiceTarget t) {
        return t.weight() == null ? 0 : t.weight();
    }

    /** Remarks on a group's Services under this policy, for the report. */
    default List<String> warnings(List<ServiceTarget> targets) {
        return List.of();
    }
}
