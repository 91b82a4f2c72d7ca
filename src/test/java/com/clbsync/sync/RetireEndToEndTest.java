package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.plan.Ramp;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.MutableClock;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retiredOwnerIds}, in global mode: a cluster taken out of service (its entry gone, its API
 * server never asked) has its backends set to weight 0, kept there for {@code drainSeconds}, then
 * removed; ramped down first when a ramp is set; hand-added and other foreign backends are untouched.
 */
class RetireEndToEndTest {
    private World world;
    private FakeCluster a;
    private FakeCluster b;
    private final MutableClock clock = new MutableClock();
    private final Backend hand = Backend.ecs("i-hand", 80, 37, "added by hand");

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(WeightMode.GLOBAL);
        a = world.cluster("cluster-a");
        b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080); // weight 20
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080); // weight 80
        a.nodes("a", 3);
        b.nodes("b", 3);
        a.readyPods("default", "service-a", a.nodeNames("a", 3), true);
        b.readyPods("default", "service-b", b.nodeNames("b", 3), true);
        world.clb.putBackend(GROUP_2, hand);
        apply();
        assertThat(world.share(GROUP_2, "i-a") / (1 - world.share(GROUP_2, "i-hand"))).isCloseTo(0.2, Offset.offset(0.005));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private SyncReport apply() throws Exception {
        return World.assertComplete(world.apply(Deadline.at(clock.instant().plus(Duration.ofMinutes(5)), clock)));
    }

    private List<Backend> ofA() {
        return world.group(GROUP_2).stream().filter(x -> x.serverId().startsWith("i-a")).collect(Collectors.toList());
    }

    /** Cluster A's entry is gone: only B is configured, and A's owner id is retired. */
    private void retireA() {
        String ownerOfA = a.owner();
        world.entries(b.config()).retired(ownerOfA);
        a.unreachable(true); // a retired cluster is never asked
    }

    @Test
    void aRetiredOwnersBackendsGoToZeroThenLeaveAfterTheDrainTimeAndHandAddedOnesStay() throws Exception {
        world.drainSeconds(30);
        retireA();

        SyncReport zeroed = apply();
        assertThat(ofA()).hasSize(3).extracting(Backend::weight).containsOnly(0);
        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers");
        assertThat(zeroed.groups().get(0).retiredLeft()).containsEntry(a.owner(), 3);
        assertThat(ReportText.render(zeroed)).contains("retired owner " + a.owner() + ": 3 backend(s) left");

        clock.advance(Duration.ofSeconds(29));
        apply();
        assertThat(ofA()).as("still draining").hasSize(3);
        assertThat(world.writes()).isZero();

        clock.advance(Duration.ofSeconds(1));
        SyncReport removed = apply();
        assertThat(ofA()).isEmpty();
        assertThat(removed.groups().get(0).retiredLeft()).isEmpty();
        assertThat(ReportText.render(removed)).contains("retired owner " + a.owner() + ": nothing left in the groups visited");
        assertThat(world.group(GROUP_2)).contains(hand);
        assertThat(world.share(GROUP_2, "i-b") + world.share(GROUP_2, "i-hand")).isEqualTo(1.0);
    }

    @Test
    void withoutADrainTimeTheyStillGoToZeroFirstAndLeaveOnTheNextRun() throws Exception {
        retireA();
        apply();
        assertThat(ofA()).extracting(Backend::weight).containsOnly(0);
        apply();
        assertThat(ofA()).isEmpty();
        assertThat(world.group(GROUP_2)).contains(hand);
    }

    @Test
    void withARampTheRetiredShareGoesDownInSteps() throws Exception {
        world.ramp(Ramp.of(10, 0, true));
        retireA();
        List<Double> shares = new ArrayList<>();
        for (int run = 0; run < 6 && !ofA().isEmpty(); run++) {
            apply();
            shares.add(ofA().stream().mapToLong(Backend::weight).sum() / (double) world.group(GROUP_2).stream()
                    .filter(x -> x.description().startsWith("k8s/")).mapToLong(Backend::weight).sum());
        }
        assertThat(shares.get(0)).as("20% -> 10%: %s", shares).isCloseTo(0.10, Offset.offset(0.005));
        assertThat(shares.get(1)).as("then 0: %s", shares).isZero();
        assertThat(ofA()).as("then removed").isEmpty();
        assertThat(world.group(GROUP_2)).contains(hand);
    }

    @Test
    void anOwnerIdOfAConfiguredClusterIsNotRetired() throws Exception {
        world.retired(a.owner()); // a mistake: A is still configured
        apply();
        assertThat(ofA()).as("a configured cluster's claim comes first").extracting(Backend::weight).doesNotContain(0);
    }

    @Test
    void aNewClusterUnderTheRetiredOnesEntryNameActsAndTheOldBackendsLeave() throws Exception {
        FakeCluster successor = world.cluster("cluster-a-new"); // another cluster: another identity
        successor.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        successor.nodes("n", 2);
        successor.readyPods("default", "service-a", successor.nodeNames("n", 2), true);
        String old = a.owner();
        world.entries(successor.entry("cluster-a").build(), b.config()).retired(old);
        a.unreachable(true);

        SyncReport first = apply();
        assertThat(first.clusters()).as("the retired cluster's backends are no evidence against the new one")
                .allSatisfy(c -> assertThat(c.frozen()).isFalse());
        assertThat(ofA()).extracting(Backend::weight).containsOnly(0);
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().startsWith("i-n")).hasSize(2)
                .allSatisfy(x -> assertThat(x.description()).endsWith(successor.ownerAs("cluster-a")));
        apply();
        assertThat(ofA()).isEmpty();
        assertThat(world.group(GROUP_2)).contains(hand);
    }
}
