package com.clbsync.plan;

import java.util.List;
import java.util.Map;

/** Turns the contributions of all Services to one vServer group into weighted backends. */
public interface WeightPolicy {
    /**
     * The weighted backends of each Service (each appears once per group), solved around what the
     * group holds that this run may not change, with the resulting shares.
     */
    Weighing weigh(List<ServiceTarget> targets, HeldWeights held);

    /** The same, moving shares in the steps {@code gate} allows (a policy without ramps ignores it). */
    default Weighing weigh(List<ServiceTarget> targets, HeldWeights held, RampGate gate) {
        return weigh(targets, held);
    }

    /** With nothing held. */
    default Map<ServiceRef, List<Backend>> weigh(List<ServiceTarget> targets) {
        return weigh(targets, HeldWeights.none()).backends();
    }
}
