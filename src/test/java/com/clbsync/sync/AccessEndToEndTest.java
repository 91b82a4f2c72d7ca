package com.clbsync.sync;

import com.clbsync.plan.Access;
import com.clbsync.plan.Backend;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may steer which CLB: with access declared, a Service outside it is refused like a bad annotation
 * (frozen, named, a Warning Event on it, nothing written on its behalf). Global mode, the default: a
 * tenant's weight would otherwise re-weight every other cluster's backends.
 */
class AccessEndToEndTest {
    static final String LB_2 = "lb-bp1other000000000002";
    static final String GROUP_OTHER = "rsp-bp1other00000000009";
    private World world;
    private FakeCluster a;

    @BeforeEach
    void start() throws Exception {
        world = new World().access(Access.of(List.of(Access.Rule.of(World.LB, List.of("cluster-a", "cluster-b"),
                List.of("default")))));
        world.clb.createGroup(LB_2, GROUP_OTHER);
        a = world.cluster("cluster-a");
        FakeCluster b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080); // 20
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080); // 80
        a.nodes("a", 2);
        b.nodes("b", 2);
        a.readyPods("default", "service-a", List.of("a-0", "a-1"), true);
        b.readyPods("default", "service-b", List.of("b-0", "b-1"), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** A LoadBalancer Service "grab" in {@code namespace} of cluster A with these annotations, its pods on both nodes. */
    private void tenant(String namespace, Map<String, String> annotations) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(LbAnnotations.PREFIX + "id", World.LB,
                LbAnnotations.PREFIX + "vgroup-port", GROUP_2 + ":80"));
        all.putAll(annotations);
        a.service(new ServiceBuilder().withNewMetadata().withName("grab").withNamespace(namespace).withAnnotations(all)
                .endMetadata().withNewSpec().withType("LoadBalancer").addNewPort().withName("http").withPort(80)
                .withTargetPort(new IntOrString(80)).endPort().endSpec().build(), 30090);
        a.readyPods(namespace, "grab", List.of("a-0", "a-1"), true);
    }

    @Test
    void aTenantServiceOutsideAccessAnnotatedIntoASharedGroupAtWeight100ChangesNoWeight() throws Exception {
        World.assertComplete(world.apply());
        List<Backend> before = world.group(GROUP_2);
        assertThat(world.share(GROUP_2, "i-a")).isEqualTo(0.2);

        tenant("tenant", Map.of(LbAnnotations.PREFIX + "weight", "100"));
        SyncReport r = world.apply();

        assertThat(world.group(GROUP_2)).as("no weight changed, nothing added").containsExactlyInAnyOrderElementsOf(before);
        assertThat(world.writes()).isZero();
        assertThat(r.frozenServices()).singleElement().satisfies(f -> {
            assertThat(f.service().toString()).isEqualTo("cluster-a/tenant/grab");
            assertThat(f.reason()).contains("access does not let namespace tenant of cluster cluster-a use " + World.LB);
        });
        assertThat(a.events("tenant")).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getReason()).isEqualTo("FrozenService");
            assertThat(e.getMessage()).contains("access does not let namespace tenant");
        });
    }

    @Test
    void aServiceNamingAClbOutsideAccessGetsNothingWritten() throws Exception {
        tenant("default", Map.of(LbAnnotations.PREFIX + "id", LB_2, LbAnnotations.PREFIX + "vgroup-port", GROUP_OTHER + ":80"));

        SyncReport r = world.apply();

        assertThat(world.group(GROUP_OTHER)).isEmpty();
        assertThat(world.clb.calls()).noneMatch(c -> GROUP_OTHER.equals(c.params().get("VServerGroupId")));
        assertThat(r.frozenServices()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("its loadbalancer-id " + LB_2 + " is not in the configuration's access list"));
        assertThat(world.group(GROUP_2)).hasSize(4);
    }
}
