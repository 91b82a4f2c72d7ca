package com.clbsync.clb;

import com.clbsync.time.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EniLookupTest {

    @Test
    void aDeferredLookupBuildsItsClientOnlyWhenALookupIsMadeAndOnce() throws Exception {
        AtomicInteger built = new AtomicInteger();
        EniLookup real = new EniLookup() {
            @Override public EniLookup within(Deadline deadline, CallListener calls) { return this; }
            @Override public Map<String, List<com.clbsync.plan.Eni>> enis(Collection<String> podIps) {
                return Map.of("10.0.0.1", List.of(com.clbsync.plan.Eni.of("eni-1", "i-1")));
            }
        };
        EniLookup lookup = EniLookup.deferred(() -> {
            built.incrementAndGet();
            return real;
        });

        EniLookup forRun = lookup.within(Deadline.in(Duration.ofMinutes(1)), CallListener.NONE);
        assertThat(built).as("a run without ENI Services").hasValue(0);
        assertThat(forRun.enis(List.of("10.0.0.1"))).containsEntry("10.0.0.1", List.of(com.clbsync.plan.Eni.of("eni-1", "i-1")));
        lookup.within(Deadline.in(Duration.ofMinutes(1)), CallListener.NONE).enis(List.of("10.0.0.1"));
        assertThat(built).hasValue(1);
    }
}
