package com.clbsync.sync;

import com.clbsync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    @Test
    void estimatesTheTimeLeftAtThePaceSoFar() {
        MutableClock clock = new MutableClock();
        Progress p = new Progress(clock);
        p.groups(4);
        p.planned(40);
        assertThat(p.snapshot().eta()).as("no pace before the first write").isNull();
        for (int i = 0; i < 10; i++) {
            p.sent("AddVServerGroupBackendServers");
        }
        p.sent("DescribeVServerGroupAttribute");
        p.refused("AddVServerGroupBackendServers", "Throttling.User");
        p.groupDone();
        clock.advance(Duration.ofSeconds(20));

        Progress.Snapshot s = p.snapshot();
        assertThat(s.calls()).isEqualTo(11);
        assertThat(s.refused()).isEqualTo(1);
        assertThat(s.writesLeft()).as("40 planned, 10 made, one refused to be made again").isEqualTo(31);
        assertThat(s.eta()).isEqualTo(Duration.ofSeconds(62));
        assertThat(s.toString()).isEqualTo("progress 20s: groups 1/4 done, 11 CLB calls made (1 refused), 31 write calls"
                + " left by the plan, about 62 s left at the current pace");
    }
}
