package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DesiredGroupTest {

    private static ServiceTarget target(String cluster, String name, ServiceLbSpec spec, String... instances) {
        Map<BackendKey, Integer> b = new java.util.LinkedHashMap<>();
        for (String i : instances) {
            b.put(BackendKey.ecs(i, 30080), 1);
        }
        return ServiceTarget.of(ServiceRef.of(cluster, cluster, "default", name), spec, "rsp-1", false,
                BackendDescription.format(30080, name, "default", cluster), b, b.size());
    }

    @Test
    void mergesTheWeightedBackendsOfAllServices() {
        DesiredGroup g = DesiredGroup.of(List.of(target("a", "web", Fixtures.spec(20), "i-1", "i-2"),
                target("b", "web", Fixtures.spec(80), "i-3")), new CcmWeights());
        assertThat(g.backends()).hasSize(3);
        assertThat(g.backends().get(BackendKey.ecs("i-1", 30080)).weight()).isEqualTo(10);
        assertThat(g.backends().get(BackendKey.ecs("i-3", 30080)).weight()).isEqualTo(80);
        assertThat(g.contested()).isEmpty();
    }

    @Test
    void aKeyWantedByTwoServicesGoesToNeither() {
        DesiredGroup g = DesiredGroup.of(List.of(target("a", "web", Fixtures.spec(null), "i-1", "i-2"),
                target("a", "api", Fixtures.spec(null), "i-2")), new CcmWeights());
        assertThat(g.backends()).containsOnlyKeys(BackendKey.ecs("i-1", 30080));
        assertThat(g.contested()).containsOnlyKeys(BackendKey.ecs("i-2", 30080));
        assertThat(g.contested().get(BackendKey.ecs("i-2", 30080))).extracting(ServiceRef::name).containsExactlyInAnyOrder("web", "api");
    }

    @Test
    void ignoreWeightUpdateLocksTheServicesKeys() {
        ServiceLbSpec locked = ServiceLbSpec.builder(Fixtures.LB).groups(List.of(GroupPort.of("rsp-1", 80))).ignoreWeightUpdate(true).build();
        DesiredGroup g = DesiredGroup.of(List.of(target("a", "web", locked, "i-1"), target("b", "web", Fixtures.spec(null), "i-2")),
                new CcmWeights());
        assertThat(g.weightLocked()).containsExactly(BackendKey.ecs("i-1", 30080));
    }
}
