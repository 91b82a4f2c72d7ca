package com.clbsync.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreezeTest {
    private static final Backend WEB_A = Backend.ecs("i-1", 30080, 10, "k8s/30080/web/default/a");

    @Test
    void nothingIsFrozenByDefault() {
        assertThat(Freeze.none().reason(WEB_A, "a")).isEmpty();
    }

    @Test
    void freezesEveryBackendOfAFrozenOwner() {
        assertThat(Freeze.of(Set.of("a"), Set.of(), Set.of()).reason(WEB_A, "a")).get().asString().contains("owner a");
        assertThat(Freeze.of(Set.of("b"), Set.of(), Set.of()).reason(WEB_A, "a")).isEmpty();
    }

    @Test
    void freezesTheBackendsOfAFrozenServiceOnlyForItsOwner() {
        Freeze f = Freeze.none().withServices(List.of(ServiceRef.of("a", "a", "default", "web")));
        assertThat(f.reason(WEB_A, "a")).isPresent();
        assertThat(f.reason(Backend.ecs("i-1", 30080, 10, "k8s/30080/web/default/b"), "b")).isEmpty();
        assertThat(f.reason(Backend.ecs("i-1", 30081, 10, "k8s/30081/api/default/a"), "a")).isEmpty();
    }

    @Test
    void freezesContestedKeys() {
        assertThat(Freeze.none().withKeys(List.of(WEB_A.key())).reason(WEB_A, "a")).isPresent();
    }
}
