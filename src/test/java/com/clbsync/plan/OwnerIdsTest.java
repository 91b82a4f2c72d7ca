package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnerIdsTest {
    private static final String UID = "3F2A1B4C-5d6e-4f70-8a9b-0c1d2e3f4a5b";

    @Test
    void derivesTheOwnerFromTheEntryNameAndTheClustersIdentity() {
        assertThat(OwnerIds.derived("cluster-a", UID)).isEqualTo("cluster-a.3f2a1b4c");
        assertThat(OwnerIds.of(Optional.empty(), "cluster-a", UID)).isEqualTo("cluster-a.3f2a1b4c");
        assertThat(OwnerIds.of(Optional.of("c8d1e2f3"), "cluster-a", UID)).as("a configured owner id wins")
                .isEqualTo("c8d1e2f3");
    }

    @Test
    void aLongNameIsCutSoThatTheOwnerFitsADescription() {
        String owner = OwnerIds.derived("n".repeat(63), UID);
        assertThat(owner).hasSize(BackendDescription.MAX_OWNER_ID_LENGTH).endsWith(".3f2a1b4c");
        assertThat(OwnerIds.tagOf(owner)).contains("3f2a1b4c");
        assertThat(BackendDescription.ownerOf(BackendDescription.format(31234, "s".repeat(60), "ns".repeat(30), owner)))
                .contains(owner);
    }

    @Test
    void readsTheTagAndNameOfADerivedSegmentOnly() {
        assertThat(OwnerIds.tagOf("cluster-a.3f2a1b4c")).contains("3f2a1b4c");
        assertThat(OwnerIds.nameOf("cluster-a.3f2a1b4c")).contains("cluster-a");
        assertThat(OwnerIds.tagOf("cluster-a")).as("what earlier versions wrote").isEmpty();
        assertThat(OwnerIds.tagOf("c8d1e2f3")).isEmpty();
        assertThat(OwnerIds.tagOf("cluster-a.3F2A1B4C")).as("tags are lower case").isEmpty();
        assertThat(OwnerIds.tagOf("cluster-a.3f2a1b")).isEmpty();
    }

    @Test
    void acceptsOnlyKubernetesUidsAsIdentities() {
        assertThat(OwnerIds.isUid(UID)).isTrue();
        assertThat(OwnerIds.isUid("3f2a1b4c")).isFalse();
        assertThat(OwnerIds.isUid("eyJhbGciOiJSUzI1NiJ9.payload.sig")).isFalse();
        assertThatThrownBy(() -> OwnerIds.tag("xyz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a UID: 3 characters");
    }
}
