package com.clbsync.clb;

import com.clbsync.plan.Eni;
import com.clbsync.time.Deadline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Which elastic network interface holds each pod IP (ECS {@code DescribeNetworkInterfaces}). */
public interface EniLookup {
    /** Looks nothing up: a run with no ENI Service, or a configuration without ECS. */
    EniLookup NONE = new EniLookup() {
        @Override public EniLookup within(Deadline deadline, CallListener calls) { return this; }
        @Override public Map<String, List<Eni>> enis(Collection<String> podIps) throws ClbException {
            throw new ClbException("DescribeNetworkInterfaces", 0, "NotConfigured", "no ECS client is configured");
        }
    };

    /**
     * A lookup whose client is built on first use and then kept: the ECS client (a 560 KB class) costs a cold
     * instance 130-160 ms, which a configuration without ENI Services should not pay.
     */
    static EniLookup deferred(Supplier<EniLookup> build) {
        return new EniLookup() {
            private EniLookup built;

            private synchronized EniLookup get() {
                if (built == null) {
                    built = build.get();
                }
                return built;
            }

            @Override public EniLookup within(Deadline deadline, CallListener calls) {
                return deferred(() -> get().within(deadline, calls));
            }

            @Override public Map<String, List<Eni>> enis(Collection<String> podIps) throws ClbException {
                return get().enis(podIps);
            }
        };
    }

    /** The same lookup for one run: its calls bounded by {@code deadline} and told to {@code calls}. */
    EniLookup within(Deadline deadline, CallListener calls);

    /**
     * Pod IP to every ENI in use that holds it (with the instance it is attached to), for each of
     * {@code podIps} one holds: two VPCs may reuse an IP, and the run picks each cluster's own. At most
     * 100 IPs per call. Fails as a whole: a partial answer would make the missing pods look gone.
     */
    Map<String, List<Eni>> enis(Collection<String> podIps) throws ClbException;
}
