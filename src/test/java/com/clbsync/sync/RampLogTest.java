package com.clbsync.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RampLogTest {
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void aNewInstanceWaitsAWholeIntervalFromItsFirstAppliedRun() {
        RampLog log = new RampLog();
        assertThat(log.nextStepAt("rsp-1", MINUTE, T0)).isEqualTo(T0.plus(MINUTE));
        log.update("rsp-1", false, T0);
        assertThat(log.nextStepAt("rsp-1", MINUTE, T0.plusSeconds(59))).isEqualTo(T0.plus(MINUTE));
        assertThat(log.nextStepAt("rsp-1", MINUTE, T0.plusSeconds(60))).as("due").isNull();
        log.update("rsp-1", false, T0.plusSeconds(90));
        assertThat(log.nextStepAt("rsp-1", MINUTE, T0.plusSeconds(90))).as("a run that is no step keeps the clock").isNull();
    }

    @Test
    void aStepStartsTheGroupsClockAgainAndOtherGroupsKeepTheirs() {
        RampLog log = new RampLog();
        log.update("rsp-1", false, T0);
        log.update("rsp-2", false, T0);
        log.update("rsp-1", true, T0.plusSeconds(60));
        assertThat(log.nextStepAt("rsp-1", MINUTE, T0.plusSeconds(100))).isEqualTo(T0.plusSeconds(120));
        assertThat(log.nextStepAt("rsp-2", MINUTE, T0.plusSeconds(100))).isNull();
    }

    @Test
    void noIntervalOrTheCommandLinesRampNowMakesEveryStepDue() {
        assertThat(new RampLog().nextStepAt("rsp-1", Duration.ZERO, T0)).isNull();
        assertThat(RampLog.dueNow().nextStepAt("rsp-1", MINUTE, T0)).isNull();
    }
}
