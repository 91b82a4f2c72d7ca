package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackendDescriptionTest {

    @Test
    void writesTheCcmFormWhenItFits() {
        assertThat(BackendDescription.format(30080, "my-nginx-svc", "default", "cluster-a"))
                .isEqualTo("k8s/30080/my-nginx-svc/default/cluster-a");
    }

    @Test
    void shortensLongNamesDeterministicallyKeepingPortAndOwner() {
        String svc = "a-very-long-service-name-that-goes-on-and-on-and-on-for-ever";
        String ns = "a-namespace-that-is-also-quite-long-indeed";
        String owner = "c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a";
        String d = BackendDescription.format(31234, svc, ns, owner);

        assertThat(d).hasSizeLessThanOrEqualTo(80).matches(BackendDescription.ALLOWED)
                .startsWith("k8s/31234/").endsWith("/" + owner);
        assertThat(BackendDescription.format(31234, svc, ns, owner)).isEqualTo(d);
        assertThat(BackendDescription.ownerOf(d)).contains(owner);
    }

    @Test
    void shortenedDescriptionsOfDifferentServicesDiffer() {
        String owner = "c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a";
        String common = "service-name-with-a-long-common-prefix-that-will-be-cut-";
        String a = BackendDescription.format(30000, common + "one", "ns", owner);
        String b = BackendDescription.format(30000, common + "two", "ns", owner);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.length()).isLessThanOrEqualTo(80);
    }

    @Test
    void fitsWithTheLongestAllowedOwnerIdAndLongestNames() {
        String owner = "o".repeat(BackendDescription.MAX_OWNER_ID_LENGTH);
        String d = BackendDescription.format(65535, "s".repeat(63), "n".repeat(63), owner);
        assertThat(d).hasSizeLessThanOrEqualTo(80).matches(BackendDescription.ALLOWED).endsWith("/" + owner);
        assertThat(BackendDescription.ownerOf(d)).contains(owner);
    }

    @Test
    void readsTheOwnerOnlyFromTheCcmForm() {
        assertThat(BackendDescription.ownerOf("k8s/30080/svc/ns/owner-1")).contains("owner-1");
        assertThat(BackendDescription.ownerOf("")).isEmpty();
        assertThat(BackendDescription.ownerOf("hand-added web server")).isEmpty();
        assertThat(BackendDescription.ownerOf("k8s/30080/svc/ns")).isEmpty();
        assertThat(BackendDescription.ownerOf("k8s/port/svc/ns/owner")).isEmpty();
        assertThat(BackendDescription.ownerOf("k8s/30080/svc/ns/owner/extra")).isEmpty();
        assertThat(BackendDescription.ownerOf(null)).isEmpty();
    }

    @Test
    void recognisesTheDescriptionOfAServiceAtAnyPort() {
        ServiceRef svc = ServiceRef.of("a", "owner-a", "default", "web");
        assertThat(BackendDescription.isOf("k8s/30080/web/default/owner-a", svc)).isTrue();
        assertThat(BackendDescription.isOf("k8s/31000/web/default/owner-a", svc)).isTrue();
        assertThat(BackendDescription.isOf("k8s/30080/web/default/owner-b", svc))
                .as("the Service's under any owner: which owner is Ownership's to say").isTrue();
        assertThat(BackendDescription.isWrittenFor("k8s/30080/web/default/owner-b", svc)).isFalse();
        assertThat(BackendDescription.isWrittenFor("k8s/31000/web/default/owner-a", svc)).isTrue();
        assertThat(BackendDescription.isOf("k8s/30080/api/default/owner-a", svc)).isFalse();
        assertThat(BackendDescription.isOf("k8s/30080/web/other/owner-a", svc)).isFalse();
        assertThat(BackendDescription.isOf("manual", svc)).isFalse();

        ServiceRef longSvc = ServiceRef.of("a", "c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a", "some-long-namespace-name",
                "some-long-service-name-for-testing");
        String d = BackendDescription.format(30001, longSvc.name(), longSvc.namespace(), longSvc.ownerId());
        assertThat(d.length()).isLessThanOrEqualTo(80);
        assertThat(BackendDescription.isOf(d, longSvc)).isTrue();
    }

    /**
     * Pinned: backends already in CLBs carry these descriptions, and ownership and freezes are decided by
     * matching them, so the shortening may never change. The hashes are the first 8 hex digits of
     * SHA-256("namespace/service"), checked outside Java.
     */
    @Test
    void shortenedDescriptionsArePinnedToGoldenStrings() {
        assertThat(BackendDescription.format(31234, "payment-gateway-service-with-a-very-long-name",
                "team-payments-production-eu", "c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5"))
                .isEqualTo("k8s/31234/payment-gatewa-8aeeefed/team-payments/c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5");
        assertThat(BackendDescription.format(65535, "s".repeat(63), "n".repeat(63), "o".repeat(48)))
                .isEqualTo("k8s/65535/ssssss-412f7d7d/nnnnn/" + "o".repeat(48));
        assertThat(BackendDescription.format(30000, "x".repeat(40), "ns", "cluster-a"))
                .isEqualTo("k8s/30000/" + "x".repeat(40) + "/ns/cluster-a");
    }

    @Test
    void onAnNlbTheCcmsDottedFormWithTheProtocolIsWrittenAndReadBack() {
        String d = BackendDescription.format(LbKind.NLB, 30080, "TCP", "web", "shop", "cluster-a.3f2a1b4c");
        assertThat(d).isEqualTo("k8s.30080.TCP.web.shop.cluster-a.3f2a1b4c");
        assertThat(BackendDescription.ownerOf(d)).as("an owner id may hold dots").contains("cluster-a.3f2a1b4c");
        assertThat(BackendDescription.isOf(d, ServiceRef.of("a", "cluster-a.3f2a1b4c", "shop", "web"))).isTrue();
        assertThat(BackendDescription.isOf(d, ServiceRef.of("a", "cluster-a.3f2a1b4c", "shop", "api"))).isFalse();
        assertThat(BackendDescription.isWrittenFor(d, ServiceRef.of("a", "cluster-b", "shop", "web"))).isFalse();
        assertThat(BackendDescription.format(LbKind.CLB, 30080, "TCP", "web", "shop", "o")).isEqualTo("k8s/30080/web/shop/o");
        assertThat(BackendDescription.ownerOf("k8s.30080.web.shop.owner")).as("five parts: no protocol").isEmpty();
        assertThat(BackendDescription.ownerOf("hand-added server")).isEmpty();
    }
}
