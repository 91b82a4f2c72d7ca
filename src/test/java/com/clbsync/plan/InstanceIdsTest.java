package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdsTest {

    @Test
    void takesTheInstanceIdAfterTheRegion() {
        assertThat(InstanceIds.fromProviderId("cn-hangzhou.i-bp1abc")).contains("i-bp1abc");
        assertThat(InstanceIds.fromProviderId("alicloud://cn-hangzhou.i-bp1abc")).contains("i-bp1abc");
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(InstanceIds.fromProviderId("")).isEmpty();
        assertThat(InstanceIds.fromProviderId(null)).isEmpty();
        assertThat(InstanceIds.fromProviderId("i-bp1abc")).isEmpty();
        assertThat(InstanceIds.fromProviderId("aws:///us-east-1a/i-0abc")).isEmpty();
        assertThat(InstanceIds.fromProviderId("ack-hybrid://idc.node1")).isEmpty();
        assertThat(InstanceIds.fromProviderId("cn-hangzhou.i-bp1.extra")).isEmpty();
    }
}
