package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchesTest {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    @Test
    void splitsIntoTheFewestChunksOfAtMostTheLimit() {
        assertThat(Batches.of(range(0), 20)).isEmpty();
        assertThat(Batches.of(range(1), 20)).hasSize(1);
        assertThat(Batches.of(range(20), 20)).hasSize(1);
        assertThat(Batches.of(range(21), 20)).extracting(List::size).containsExactly(20, 1);
        assertThat(Batches.of(range(45), 20)).extracting(List::size).containsExactly(20, 20, 5);
    }

    @Test
    void keepsEveryItemOnceInOrder() {
        List<List<Integer>> chunks = Batches.of(range(57), 20);
        assertThat(chunks.stream().flatMap(List::stream).collect(Collectors.toList())).isEqualTo(range(57));
    }

    @Test
    void rejectsANonPositiveSize() {
        assertThatThrownBy(() -> Batches.of(range(3), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be at least 1, not 0");
    }
}
