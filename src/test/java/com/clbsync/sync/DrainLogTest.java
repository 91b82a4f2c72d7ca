package com.clbsync.sync;

import com.clbsync.plan.Backend;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DrainLogTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private final Backend b = Backend.ecs("i-1", 30080, 40, "k8s/30080/web/default/a");

    @Test
    void remembersWhenABackendWentToZeroAndForgetsItOnceItIsNoLongerDraining() {
        DrainLog log = new DrainLog();
        log.update("rsp-1", List.of(b), T0);                          // set to 0 by this run
        log.update("rsp-1", List.of(b.withWeight(0)), T0.plusSeconds(10)); // seen at 0 later: the first time stands
        assertThat(log.zeroSince("rsp-1")).containsEntry(b.key(), T0);
        assertThat(log.zeroSince("rsp-2")).isEmpty();

        log.update("rsp-1", List.of(b), T0.plusSeconds(20));          // back to traffic, then drained again: a new start
        assertThat(log.zeroSince("rsp-1")).containsEntry(b.key(), T0.plusSeconds(20));

        log.update("rsp-1", List.of(), T0.plusSeconds(60));           // removed
        assertThat(log.zeroSince("rsp-1")).isEmpty();
    }
}
