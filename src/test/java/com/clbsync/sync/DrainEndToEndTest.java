package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.MutableClock;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drainSeconds}: a backend that is to leave its group while its node still exists goes to weight
 * 0 first and is removed by the first run at least that long after; without it (the default) it goes at
 * once, as the CCM does. A node that is gone is removed at once either way.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(WeightMode.class)
class DrainEndToEndTest {
    private static final String EXCLUDE = "node.kubernetes.io/exclude-from-external-load-balancers";
    @Parameter
    WeightMode mode;

    private World world;
    private FakeCluster b;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(mode);
        b = world.cluster("cluster-b");
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080); // Cluster policy: every eligible node
        b.readyPods("default", "service-b", b.nodeNames("b", 3), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private SyncReport applyAt() throws Exception {
        return World.assertComplete(world.apply(Deadline.at(clock.instant().plus(Duration.ofMinutes(5)), clock)));
    }

    private List<Integer> weightsOf(String instance) {
        return world.group(GROUP_2).stream().filter(x -> x.serverId().equals(instance)).map(Backend::weight)
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void anExcludedNodeGoesToWeightZeroThenLeavesAfterTheDrainTime() throws Exception {
        world.drainSeconds(30);
        applyAt();
        b.node("b-2", "i-b-2", true, Map.of(EXCLUDE, "true")); // the node stays, but is to serve no more

        SyncReport zeroed = applyAt();
        assertThat(weightsOf("i-b-2")).containsExactly(0);
        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers");
        assertThat(zeroed.groups().get(0).warnings()).anySatisfy(w -> assertThat(w).contains("draining 1").contains("30 s"));

        clock.advance(Duration.ofSeconds(29));
        applyAt();
        assertThat(weightsOf("i-b-2")).as("still draining").containsExactly(0);
        assertThat(world.writes()).isZero();

        clock.advance(Duration.ofSeconds(1));
        applyAt();
        assertThat(weightsOf("i-b-2")).isEmpty();
        assertThat(world.callActions()).contains("RemoveVServerGroupBackendServers");
    }

    @Test
    void withoutADrainTimeTheBackendLeavesAtOnce() throws Exception {
        applyAt();
        b.node("b-2", "i-b-2", true, Map.of(EXCLUDE, "true"));
        applyAt();
        assertThat(weightsOf("i-b-2")).isEmpty();
        assertThat(world.clb.calls()).filteredOn(c -> c.action().equals("SetVServerGroupAttribute"))
                .as("never set to 0 first").noneSatisfy(c -> assertThat(c.params().get("BackendServers")).contains("i-b-2"));
    }

    @Test
    void aDeletedNodeIsRemovedAtOnceEvenWithADrainTime() throws Exception {
        world.drainSeconds(300);
        applyAt();
        b.deleteNode("b-2");
        applyAt();
        assertThat(weightsOf("i-b-2")).as("no connections left to drain on a node that is gone").isEmpty();
    }

    @Test
    void aBackendAlreadyAtZeroIsCountedFromTheFirstRunThatSeesIt() throws Exception {
        world.drainSeconds(30);
        applyAt();
        b.node("b-2", "i-b-2", true, Map.of(EXCLUDE, "true"));
        Backend atZero = world.group(GROUP_2).stream().filter(x -> x.serverId().equals("i-b-2")).findFirst().orElseThrow()
                .withWeight(0);
        world.clb.putBackend(GROUP_2, atZero); // set to 0 by someone else, or by an instance that has since gone

        applyAt();
        assertThat(weightsOf("i-b-2")).as("a new instance does not know how long it has been at 0").containsExactly(0);
        clock.advance(Duration.ofSeconds(30));
        applyAt();
        assertThat(weightsOf("i-b-2")).isEmpty();
    }
}
