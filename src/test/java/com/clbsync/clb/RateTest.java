package com.clbsync.clb;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateTest {
    @Test
    void parsesCallsPerPeriod() {
        assertThat(Rate.parse("90/60s")).hasValueSatisfying(r -> {
            assertThat(r.calls()).isEqualTo(90);
            assertThat(r.period()).isEqualTo(Duration.ofSeconds(60));
            assertThat(r.interval()).isEqualTo(Duration.ofMillis(666).plusNanos(666_666));
        });
        assertThat(Rate.parse(" 600 / 1m ")).hasValueSatisfying(r -> assertThat(r.perSecond()).isEqualTo(10.0));
        assertThat(Rate.parse("5/500ms")).hasValueSatisfying(r -> assertThat(r.perSecond()).isEqualTo(10.0));
        for (String bad : new String[] {"90", "90/60", "0/60s", "90/0s", "ninety/60s", "90/60h", ""}) {
            assertThat(Rate.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void aShareOfTheQuotaPacesProportionallySlower() {
        assertThat(Rate.parse("90/60s").orElseThrow().times(0.5).perSecond()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void writesArePacedByTheDocumentedQuotaAndDescribesOnlyWhenConfigured() {
        Quotas defaults = Quotas.defaults();
        assertThat(defaults.paceOf("RemoveVServerGroupBackendServers")).contains(Rate.of(90, Duration.ofSeconds(60)));
        assertThat(defaults.paceOf("AddVServerGroupBackendServers")).isPresent();
        assertThat(defaults.paceOf("DescribeVServerGroupAttribute")).isEmpty();

        Quotas shared = Quotas.of(Map.of("DescribeVServerGroupAttribute", Rate.of(600, Duration.ofMinutes(1))), 0.5);
        assertThat(shared.paceOf("DescribeVServerGroupAttribute").orElseThrow().perSecond()).isCloseTo(5.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(shared.paceOf("SetVServerGroupAttribute").orElseThrow().perSecond()).isCloseTo(0.75,
                org.assertj.core.data.Offset.offset(1e-6));
    }
}
