package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.plan.Ramp;
import com.clbsync.plan.ServiceRamp;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.MutableClock;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import io.fabric8.kubernetes.api.model.Service;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ramp}, in global mode (the default): a share moves towards its annotation by at most the step
 * per run, from what the CLB holds; a step that raises a Service whose backends the CLB finds abnormal
 * waits; failover is never ramped; without a ramp nothing changes from before; a restarted instance
 * neither jumps nor repeats a step.
 */
class RampEndToEndTest {
    private World world;
    private FakeCluster a;
    private FakeCluster b;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(WeightMode.GLOBAL);
        a = world.cluster("cluster-a");
        b = world.cluster("cluster-b");
        weights(90, 10);
        a.nodes("a", 4);
        b.nodes("b", 4);
        a.readyPods("default", "service-a", a.nodeNames("a", 4), true);
        b.readyPods("default", "service-b", b.nodeNames("b", 4), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void weights(int ofA, int ofB) throws Exception {
        a.service(annotated("service-a.yaml", ofA), 30080);
        b.service(annotated("service-b.yaml", ofB), 31080);
    }

    private Service annotated(String manifest, int weight) throws Exception {
        try (InputStream in = Files.newInputStream(FakeCluster.SEED.resolve(manifest))) {
            Service s = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(in, Service.class);
            s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "weight", String.valueOf(weight));
            return s;
        }
    }

    private SyncReport apply() throws Exception {
        return World.assertComplete(world.apply(Deadline.at(clock.instant().plus(Duration.ofMinutes(5)), clock)));
    }

    private double shareOfA() {
        return world.share(GROUP_2, "i-a");
    }

    @Test
    void ninetyTenToTenNinetyTakesFourStepsOfAtMostTwentyPointsAndReachesTheTarget() throws Exception {
        apply();
        assertThat(shareOfA()).isCloseTo(0.9, Offset.offset(0.005));
        world.ramp(Ramp.of(20, 0, true));
        weights(10, 90);

        List<Double> shares = new ArrayList<>(List.of(shareOfA()));
        SyncReport first = null;
        for (int run = 0; run < 10 && Math.abs(shareOfA() - 0.1) > 0.005; run++) {
            SyncReport r = apply();
            first = first == null ? r : first;
            shares.add(shareOfA());
        }
        for (int i = 1; i < shares.size(); i++) {
            assertThat(Math.abs(shares.get(i) - shares.get(i - 1))).as("run %d moved %s", i, shares).isLessThanOrEqualTo(0.20 + 1e-9);
        }
        assertThat(shares.size() - 1).as("runs to the target: %s", shares).isGreaterThanOrEqualTo(4);
        assertThat(shareOfA()).isCloseTo(0.1, Offset.offset(0.005));
        ServiceRamp rampOfA = first.groups().get(0).ramps().get(0);
        assertThat(rampOfA.from()).isCloseTo(0.9, Offset.offset(0.005));
        assertThat(rampOfA.to()).isCloseTo(0.7, Offset.offset(0.005));
        assertThat(rampOfA.target()).isCloseTo(0.1, Offset.offset(1e-9));
        assertThat(ReportText.render(first)).containsPattern("ramp: cluster-a/default/service-a: 90\\.0% -> (69\\.[5-9]|70\\.[0-4])% \\(target 10\\.0%\\)");
        assertThat(first.groups().get(0).health()).allSatisfy(h -> assertThat(h.healthy()).isEqualTo(h.all()).isEqualTo(4));

        apply();
        assertThat(world.writes()).as("converged").isZero();
        assertThat(world.callActions()).containsExactly("DescribeVServerGroupAttribute", "DescribeHealthStatus");
    }

    @Test
    void aStepTowardsBackendsTheClbFindsAbnormalWaitsAndSaysSoThenGoesOn() throws Exception {
        apply();
        world.ramp(Ramp.of(20, 0, true));
        world.group(GROUP_2).stream().filter(x -> x.serverId().startsWith("i-b")).skip(1)
                .forEach(x -> world.clb.health(x.key(), "abnormal"));
        weights(10, 90);

        SyncReport waiting = apply();
        assertThat(world.writes()).as("nothing moves while most of B's backends are abnormal").isZero();
        assertThat(shareOfA()).isCloseTo(0.9, Offset.offset(0.005));
        assertThat(waiting.groups().get(0).ramps()).allSatisfy(r -> assertThat(r.waiting())
                .contains("default/service-b").contains("1 of 4 backends normal"));
        assertThat(waiting.groups().get(0).warnings()).anySatisfy(w -> assertThat(w).contains("ramp: the step waits"));
        assertThat(waiting.groups().get(0).health()).extracting(h -> h.healthy() + "/" + h.all()).containsExactly("4/4", "1/4");
        assertThat(b.events("default")).filteredOn(e -> e.getReason().equals("RampWaiting")).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("1 of its 4 backends pass the load balancer's health check")
                        .contains("now 10.0%, target 90.0%"));
        assertThat(a.events("default")).filteredOn(e -> e.getReason().equals("RampWaiting")).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).as("another namespace's Service is not named")
                        .contains("another Service's backends").doesNotContain("service-b"));

        world.group(GROUP_2).forEach(x -> world.clb.health(x.key(), "normal"));
        apply();
        assertThat(shareOfA()).isCloseTo(0.7, Offset.offset(0.005));
        assertThat(b.events("default")).filteredOn(e -> e.getReason().equals("SyncedBackends")).last()
                .satisfies(e -> assertThat(e.getMessage()).containsPattern("ramp 10\\.0% -> (29\\.[5-9]|30\\.[0-4])% of the ramped"
                        + " traffic \\(target 90\\.0%\\)"));
    }

    @Test
    void aServiceJoiningAGroupJoinsAtZeroUntilTheHealthCheckPassesIt() throws Exception {
        b.deleteService("default", "service-b");
        apply();
        assertThat(shareOfA()).isEqualTo(1.0);
        world.ramp(Ramp.of(20, 0, true));
        weights(90, 10);

        SyncReport joined = apply();
        assertThat(world.group(GROUP_2)).filteredOn(x -> x.serverId().startsWith("i-b")).hasSize(4)
                .extracting(Backend::weight).containsOnly(0);
        assertThat(joined.groups().get(0).ramps().get(1).waiting()).contains("no backend in the group yet");

        apply();
        assertThat(shareOfA()).isCloseTo(0.9, Offset.offset(0.005));
    }

    @Test
    void aServiceLosingAllReadyEndpointsDropsToZeroAtOnceWhateverTheRamp() throws Exception {
        weights(50, 50);
        apply();
        world.ramp(Ramp.of(10, 3600, true)); // a slow ramp, whose next step is an hour away
        a.readyPods("default", "service-a", a.nodeNames("a", 4), false);

        apply();
        assertThat(shareOfA()).as("failover is not ramped").isZero();
        assertThat(world.share(GROUP_2, "i-b")).isEqualTo(1.0);
    }

    @Test
    void withoutARampTheShareGoesAtOnceAndNoHealthCheckIsRead() throws Exception {
        apply();
        weights(10, 90);
        SyncReport r = apply();
        assertThat(shareOfA()).isCloseTo(0.1, Offset.offset(0.005));
        assertThat(r.groups().get(0).ramps()).isEmpty();
        assertThat(r.groups().get(0).health()).isEmpty();
        assertThat(world.callActions()).doesNotContain("DescribeHealthStatus");
    }

    @Test
    void aRestartedInstanceNeitherJumpsNorRepeatsAStep() throws Exception {
        apply();
        world.ramp(Ramp.of(20, 60, true));
        weights(10, 90);

        SyncReport fresh = apply();
        assertThat(shareOfA()).as("a new instance does not know when the last step was: it waits").isCloseTo(0.9, Offset.offset(0.005));
        assertThat(fresh.groups().get(0).ramps().get(0).waiting()).contains("the next step may come at");
        clock.advance(Duration.ofSeconds(60));
        SyncReport stepped = apply();
        assertThat(shareOfA()).isCloseTo(0.7, Offset.offset(0.005));
        assertThat(stepped.groups().get(0).warnings()).contains("ramp: the next step comes at "
                + clock.instant().plusSeconds(60) + " at the earliest (everySeconds 60)");
        clock.advance(Duration.ofSeconds(30));
        apply();
        assertThat(shareOfA()).as("one step per 60 s").isCloseTo(0.7, Offset.offset(0.005));

        world.restart();
        clock.advance(Duration.ofSeconds(10));
        apply();
        assertThat(shareOfA()).as("no jump after the restart").isCloseTo(0.7, Offset.offset(0.005));
        clock.advance(Duration.ofSeconds(60));
        apply();
        assertThat(shareOfA()).as("the next step, from what the CLB holds: not a repeat").isCloseTo(0.5, Offset.offset(0.005));
    }

    @Test
    void eventsDoNotSpeedARampUp() throws Exception {
        apply();
        world.ramp(Ramp.of(20, 60, true));
        weights(10, 90);
        clock.advance(Duration.ofSeconds(1));
        apply();
        clock.advance(Duration.ofSeconds(60));
        apply();
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // a storm of runs within the minute
            clock.advance(Duration.ofSeconds(5));
            apply();
            shares.add(shareOfA());
        }
        assertThat(shares.stream().map(s -> Math.round(s * 100)).collect(Collectors.toSet())).containsExactly(70L);
    }
}
