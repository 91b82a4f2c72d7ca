package com.clbsync.sync;

import com.clbsync.plan.Backend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesTest {
    private static final Backend A = Backend.ecs("i-a", 80, 10, "k8s/80/s/ns/o");
    private static final Backend B = Backend.ecs("i-b", 80, 10, "k8s/80/s/ns/o");
    private static final Backend C = Backend.ecs("i-c", 80, 10, "k8s/80/s/ns/o");

    @Test
    void whatADescribeStillAsksForIsNotDone() {
        Changes tried = Changes.of(List.of(A, B), List.of(C), List.of());
        Changes still = Changes.of(List.of(B), List.of(), List.of(A)); // A now needs removing: its add is done anyway
        Changes done = tried.without(still);
        assertThat(done.adds()).containsExactly(A);
        assertThat(done.updates()).containsExactly(C);
        assertThat(done.size()).isEqualTo(2);
        assertThat(tried.without(done)).isEqualTo(Changes.of(List.of(B), List.of(), List.of()));
    }

    @Test
    void addsUp() {
        Changes one = Changes.of(List.of(A), List.of(), List.of());
        assertThat(one.plus(Changes.of(List.of(), List.of(), List.of(B))).toString())
                .isEqualTo("1 adds, 0 re-weights, 1 removals");
        assertThat(Changes.none().isEmpty()).isTrue();
    }
}
