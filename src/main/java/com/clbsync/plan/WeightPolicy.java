package com.clbsync.plan;

import java.util.List;
import java.util.Map;

/** Turns the contributions of all Services to one vServer group into weighted backends. */
public interface WeightPolicy {
    /** The weighted backends of each Service, keyed by Service (each Service appears once per group). */
    Map<ServiceRef, List<Backend>> weigh(List<ServiceTarget> targets);
}
