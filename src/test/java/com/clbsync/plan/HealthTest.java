package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {
    @Test
    void readsTheClbAndNlbWordsAndAnythingElseIsUnknown() {
        assertThat(Health.fromApi("normal")).isEqualTo(Health.NORMAL);
        assertThat(Health.fromApi("Healthy")).isEqualTo(Health.NORMAL);
        assertThat(Health.fromApi("abnormal")).isEqualTo(Health.ABNORMAL);
        assertThat(Health.fromApi("Unhealthy")).isEqualTo(Health.ABNORMAL);
        assertThat(Health.fromApi("unavailable")).isEqualTo(Health.UNAVAILABLE);
        assertThat(Health.fromApi(null)).isEqualTo(Health.UNKNOWN);
        assertThat(Health.fromApi("initial")).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void mostlyHealthyMeansAtLeastHalfOfSomeBackends() {
        ServiceRef s = ServiceRef.of("a", "a", "default", "web");
        assertThat(ServiceHealth.of(s, 2, 4).mostlyHealthy()).isTrue();
        assertThat(ServiceHealth.of(s, 1, 4).mostlyHealthy()).isFalse();
        assertThat(ServiceHealth.of(s, 0, 0).mostlyHealthy()).as("nothing checked yet").isFalse();
    }
}
