package com.clbsync.time;

import com.clbsync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTest {
    @Test
    void boundsWorkByWhatIsLeft() {
        MutableClock clock = new MutableClock();
        Deadline d = Deadline.at(clock.instant().plusSeconds(10), clock);
        assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.bound(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.bound(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.allows(Duration.ofSeconds(10))).isTrue();

        clock.advance(Duration.ofSeconds(8));
        assertThat(d.allows(Duration.ofSeconds(3))).isFalse();
        assertThat(d.allows(Duration.ofSeconds(2))).isTrue();

        clock.advance(Duration.ofSeconds(5));
        assertThat(d.remaining()).isEqualTo(Duration.ZERO);
        assertThat(d.bound(Duration.ofSeconds(1))).isEqualTo(Duration.ZERO);
        assertThat(d.allows(Duration.ZERO)).as("nothing left, and nothing asked").isTrue();
        assertThat(d.allows(Duration.ofMillis(1))).isFalse();
    }
}
