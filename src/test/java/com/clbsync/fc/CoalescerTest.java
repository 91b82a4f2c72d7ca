package com.clbsync.fc;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.sync.ClusterReport;
import com.clbsync.sync.ObjectKind;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncScope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescerTest {
    private static final SyncConfig CONFIG = SyncConfig.of("cn-hangzhou", "", WeightMode.GLOBAL, List.of(),
            List.of(ClusterConfig.builder("a").build()));
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final ObjectRef SLICE_1 = ObjectRef.of("a", ObjectKind.ENDPOINT_SLICE, "shop", "web-abcde");
    private static final ObjectRef SLICE_2 = ObjectRef.of("a", ObjectKind.ENDPOINT_SLICE, "shop", "web-fghij");

    private static Trigger sliceEvent(ObjectRef slice, Instant at) {
        return Trigger.of(TriggerKind.EVENTBRIDGE, true, SyncScope.targeted(List.of(), List.of(slice)), List.of()).at(at);
    }

    private static SyncReport clean(Set<ObjectRef> readAfresh) {
        return SyncReport.of(true, "targeted", List.of(ClusterReport.read("a", "a", 1, 1).withReadAfresh(readAfresh)),
                List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aRolloutsQueuedSliceEventsAreCoveredByTheFirstRunThatReadTheServicesSlicesAfterThem() {
        Coalescer c = new Coalescer();
        Trigger first = sliceEvent(SLICE_1, T0);
        assertThat(c.covering(first, CONFIG)).as("nothing ran yet").isEmpty();

        Instant start = T0.plusSeconds(30); // the backlog: the first event is handled half a minute later
        c.ran(first, clean(Set.of(SLICE_1, SLICE_2)), start); // it listed both slices of the Service

        assertThat(c.covering(sliceEvent(SLICE_2, T0.plusSeconds(10)), CONFIG)).contains(start);
        assertThat(c.covering(sliceEvent(SLICE_1, T0.plusSeconds(20)), CONFIG)).contains(start);
        assertThat(c.covering(sliceEvent(SLICE_1, start.minusSeconds(2)), CONFIG)).as("within the clock margin").isEmpty();
        assertThat(c.covering(sliceEvent(ObjectRef.of("a", ObjectKind.ENDPOINT_SLICE, "shop", "api-xyz"), T0), CONFIG))
                .as("an object the run did not read").isEmpty();

        Instant full = start.plusSeconds(60); // a clean full run later covers the same, and the object memories go
        c.ran(Trigger.of(TriggerKind.TIMER, true, SyncScope.full(), List.of()), clean(Set.of()), full);
        assertThat(c.covering(sliceEvent(SLICE_2, start.minusSeconds(1)), CONFIG)).contains(full);
        assertThat(c.covering(sliceEvent(SLICE_2, full.minusSeconds(1)), CONFIG)).isEmpty();
    }

    @Test
    void aTargetedRunThatWasNotCleanCoversNothing() {
        Coalescer c = new Coalescer();
        SyncReport frozen = SyncReport.of(true, "targeted", List.of(ClusterReport.frozen("a", "a", "unreachable")),
                List.of(), List.of(), List.of(), List.of());
        c.ran(sliceEvent(SLICE_1, T0), frozen, T0.plusSeconds(30));
        assertThat(c.covering(sliceEvent(SLICE_1, T0.plusSeconds(1)), CONFIG)).isEmpty();
    }
}
