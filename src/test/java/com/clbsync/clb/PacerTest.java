package com.clbsync.clb;

import com.clbsync.time.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {
    private static final String ADD = "AddVServerGroupBackendServers";

    @Test
    void aCallThatTheQuotaCannotFitBeforeTheDeadlineIsNotWaitedFor() {
        // one add per 10 s, two seconds left: the first goes at once, the second would come too late
        List<Duration> waited = new ArrayList<>();
        Pacer pacer = new Pacer(Quotas.of(Map.of(ADD, Rate.of(1, Duration.ofSeconds(10))), 1.0), Deadline.in(Duration.ofSeconds(2)),
                waited::add);
        assertThat(pacer.await(ADD, Duration.ofMillis(500))).isTrue();
        assertThat(pacer.await(ADD, Duration.ofMillis(500))).isFalse();
        assertThat(waited).as("refused without waiting").isEmpty();
        assertThat(pacer.await("DescribeVServerGroupAttribute", Duration.ofMillis(500))).as("describes are not paced").isTrue();
    }

    @Test
    void aCallTheQuotaFitsBeforeTheDeadlineWaitsForItsPermit() {
        List<Duration> waited = new ArrayList<>();
        Pacer pacer = new Pacer(Quotas.of(Map.of(ADD, Rate.of(1, Duration.ofSeconds(10))), 1.0), Deadline.in(Duration.ofMinutes(1)),
                waited::add);
        assertThat(pacer.await(ADD, Duration.ZERO)).isTrue();
        assertThat(pacer.await(ADD, Duration.ZERO)).isTrue();
        assertThat(waited).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)));
    }

    @Test
    void aThrottlingRefusalSlowsThatActionByAFifthForTheRestOfTheRun() {
        Pacer pacer = new Pacer(Quotas.defaults(), Deadline.in(Duration.ofMinutes(1)));
        assertThat(pacer.await(ADD, Duration.ZERO)).isTrue();
        pacer.throttled(ADD);
        pacer.throttled(ADD);
        assertThat(pacer.paceOf(ADD).orElseThrow().perSecond()).isCloseTo(1.5 * 0.8 * 0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(pacer.paceOf("RemoveVServerGroupBackendServers").orElseThrow().perSecond())
                .isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void nothingIsSentWhenTheBudgetIsSpent() {
        Pacer pacer = new Pacer(Quotas.defaults(), Deadline.in(Duration.ofMillis(100)));
        assertThat(pacer.await("DescribeVServerGroupAttribute", Duration.ofMillis(500))).isFalse();
    }
}
