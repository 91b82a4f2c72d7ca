package com.clbsync.clb;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.of(Duration.ofMillis(100), Duration.ofSeconds(2), 5);

    @Test
    void fullJitterBetweenZeroAndAnExponentialCeilingWithACap() {
        assertThat(policy.delay(1, () -> 0.0)).isZero();
        assertThat(policy.delay(1, () -> 0.999)).isEqualTo(Duration.ofMillis(99));
        assertThat(policy.delay(2, () -> 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delay(4, () -> 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delay(10, () -> 0.999)).isEqualTo(Duration.ofMillis(1998));
        assertThat(policy.delay(60, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retriesOnlyWhatCanSucceedLater() {
        for (String code : new String[] {"Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable", "SystemBusy",
                "OperationBusy", "InternalError", "BackendServer.configuring", "ServiceIsConfiguring",
                ClbException.NO_RESPONSE, ClbException.SERVER_ERROR}) {
            assertThat(RetryPolicy.retryable(code)).as(code).isTrue();
        }
        for (String code : new String[] {"InvalidParameter", "InvalidAccessKeyId.NotFound", "SignatureDoesNotMatch",
                "InvalidSecurityToken.Expired", "Forbidden.RAM", "NoPermission", "InvalidParameter.VServerGroupId",
                "InvalidBackendServer.NotExist", "InstanceBackendServerNumberOverLimit"}) {
            assertThat(RetryPolicy.retryable(code)).as(code).isFalse();
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> RetryPolicy.of(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("base <= cap and at least one attempt");
        assertThatThrownBy(() -> RetryPolicy.of(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("base <= cap and at least one attempt");
    }
}
