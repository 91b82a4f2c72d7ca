package com.clbsync.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

    @Test
    void kindOfNamesWhatWasGivenWithoutShowingIt() {
        assertThat(Values.kindOf("s3cret")).isEqualTo("a text of 6 characters");
        assertThat(Values.kindOf("x")).isEqualTo("a text of 1 character");
        assertThat(Values.kindOf(5)).isEqualTo("a whole number");
        assertThat(Values.kindOf(12345678901L)).isEqualTo("a whole number");
        assertThat(Values.kindOf(0.5)).isEqualTo("a number");
        assertThat(Values.kindOf(true)).isEqualTo("true or false");
        assertThat(Values.kindOf(null)).isEqualTo("nothing (null)");
        assertThat(Values.kindOf(Map.of("value", "s3cret"))).isEqualTo("a mapping");
        assertThat(Values.kindOf(List.of("s3cret"))).isEqualTo("a list");
    }
}
