package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerClaimTest {
    static final String UID_A = "aaaaaaaa-0000-4000-8000-000000000001";
    static final String UID_Y = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final OwnerClaim A = OwnerClaim.of("cluster-a", Optional.empty(), UID_A, Set.of("i-a1", "eni-a1"));

    private static boolean claims(OwnerClaim c, String serverId, String segment) {
        return c.claims(Backend.ecs(serverId, 30080, 10, "k8s/30080/web/default/" + segment), segment);
    }

    @Test
    void claimsEverySegmentWithItsTagUnderAnyName() {
        assertThat(A.ownerId()).isEqualTo("cluster-a.aaaaaaaa");
        assertThat(claims(A, "i-gone", "cluster-a.aaaaaaaa")).as("a node since deleted").isTrue();
        assertThat(claims(A, "i-gone", "old-name.aaaaaaaa")).as("written before the entry was renamed").isTrue();
    }

    @Test
    void neverClaimsAnotherClustersBackendsUnderTheSameName() {
        assertThat(claims(A, "i-y1", "cluster-a.bbbbbbbb")).isFalse();
        assertThat(claims(A, "i-a1", "cluster-a.bbbbbbbb")).isFalse();
    }

    @Test
    void adoptsAnEarlierVersionsBackendsOnlyOnItsOwnNodesAndEnis() {
        assertThat(claims(A, "i-a1", "cluster-a")).isTrue();
        assertThat(claims(A, "eni-a1", "cluster-a")).isTrue();
        assertThat(claims(A, "i-y1", "cluster-a")).as("another cluster's, or a node since deleted: left alone").isFalse();
        assertThat(claims(A, "i-a1", "cluster-b")).isFalse();
    }

    @Test
    void aConfiguredOwnerIdClaimsExactlyThatSegment() {
        OwnerClaim c = OwnerClaim.of("cluster-a", Optional.of("c8d1e2f3"), UID_A, Set.of("i-a1"));
        assertThat(c.ownerId()).isEqualTo("c8d1e2f3");
        assertThat(claims(c, "i-gone", "c8d1e2f3")).isTrue();
        assertThat(claims(c, "i-a1", "cluster-a")).isFalse();
        assertThat(claims(c, "i-a1", "cluster-a.aaaaaaaa")).isFalse();
    }

    @Test
    void aHeldClusterHoldsEverySegmentThatMayBeItsOwn() {
        OwnerClaim unread = OwnerClaim.held("cluster-a", Optional.empty(), "");
        assertThat(unread.ownerId()).as("named by its entry until read").isEqualTo("cluster-a");
        assertThat(claims(unread, "i-1", "cluster-a")).isTrue();
        assertThat(claims(unread, "i-1", "cluster-a.bbbbbbbb")).isTrue();
        assertThat(claims(unread, "i-1", "cluster-b.bbbbbbbb")).isFalse();
        OwnerClaim read = OwnerClaim.held("cluster-a", Optional.empty(), UID_A);
        assertThat(read.ownerId()).isEqualTo("cluster-a.aaaaaaaa");
        assertThat(claims(read, "i-1", "renamed.aaaaaaaa")).isTrue();
    }

    @Test
    void evidenceOfThisClusterIsItsTagOrItsOwnServers() {
        assertThat(A.isOfThisCluster(Backend.ecs("i-gone", 1, 1, ""), "cluster-a.aaaaaaaa")).isTrue();
        assertThat(A.isOfThisCluster(Backend.ecs("i-y1", 1, 1, ""), "cluster-a.bbbbbbbb")).isFalse();
        assertThat(A.isOfThisCluster(Backend.ecs("i-a1", 1, 1, ""), "cluster-a")).isTrue();
        OwnerClaim configured = OwnerClaim.of("cluster-a", Optional.of("c8d1e2f3"), UID_A, Set.of("i-a1"));
        assertThat(configured.isOfThisCluster(Backend.ecs("i-a1", 1, 1, ""), "c8d1e2f3")).isTrue();
        assertThat(configured.isOfThisCluster(Backend.ecs("i-b1", 1, 1, ""), "c8d1e2f3")).isFalse();
    }
}
