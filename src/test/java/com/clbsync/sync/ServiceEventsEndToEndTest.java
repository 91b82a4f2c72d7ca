package com.clbsync.sync;

import com.clbsync.plan.LbAnnotations;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees in kubectl describe svc: Events on the Services clb-sync acts on, counted up, not repeated. */
class ServiceEventsEndToEndTest {
    private World world;
    private FakeCluster a;

    @BeforeEach
    void start() throws Exception {
        world = new World();
        a = world.cluster("cluster-a");
        FakeCluster b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        a.nodes("a", 2);
        b.nodes("b", 2);
        a.readyPods("default", "service-a", List.of("a-0", "a-1"), true);
        b.readyPods("default", "service-b", List.of("b-0", "b-1"), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private List<Event> eventsOf(String service) {
        return a.events("default").stream().filter(e -> e.getInvolvedObject().getName().equals(service))
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void anAppliedChangeIsAnEventWithTheSharesAndARepeatedWarningCountsUp() throws Exception {
        World.assertComplete(world.apply());
        assertThat(eventsOf("service-a")).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("Normal");
            assertThat(e.getReason()).isEqualTo("SyncedBackends");
            assertThat(e.getMessage()).isEqualTo("vServer group " + World.GROUP_2
                    + ": added 2, re-weighted 0, removed 0; share 20.0% wanted, 20.0% achieved");
            assertThat(e.getSource().getComponent()).isEqualTo("clb-sync");
            assertThat(e.getInvolvedObject().getUid()).as("kubectl describe svc selects Events by the Service's UID")
                    .isEqualTo(a.serviceUid("default", "service-a")).isNotBlank();
        });

        Service bad = a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        bad.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "weight", "abc");
        a.service(bad, 30080);
        world.apply();
        world.apply();

        assertThat(eventsOf("service-a")).filteredOn(e -> e.getReason().equals("FrozenService")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getType()).isEqualTo("Warning");
                    assertThat(e.getCount()).as("the same outcome twice: one Event, counted").isEqualTo(2);
                    assertThat(e.getMessage()).contains(LbAnnotations.PREFIX + "weight");
                });
        assertThat(world.writes()).isZero();
    }

    @Test
    void aGroupFailingTheSameWayOverThreeRunsIsOneEventPerServiceCountedThree() throws Exception {
        world.clb.failNext("DescribeVServerGroupAttribute", 3, "Forbidden.RAM"); // each answer has its own request id
        for (int run = 0; run < 3; run++) {
            assertThat(world.apply().exitCode()).isEqualTo(1);
        }

        assertThat(eventsOf("service-a")).filteredOn(e -> e.getReason().equals("SyncFailed")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getType()).isEqualTo("Warning");
                    assertThat(e.getCount()).as("one Event, counted up by the 409 on its name").isEqualTo(3);
                    assertThat(e.getMessage()).contains("Forbidden.RAM");
                });
        assertThat(world.cluster("cluster-b").events("default")).filteredOn(e -> e.getReason().equals("SyncFailed"))
                .singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(3));
        assertThat(world.writes()).isZero();
    }

    @Test
    void aPlanWritesNoEvent() throws Exception {
        world.run(false);
        assertThat(a.events("default")).isEmpty();
    }

    @Test
    void anEventThatCannotBeWrittenIsANoteNotAFailure() throws Exception {
        SyncReport r = world.service().withEvents(Map.of("cluster-a", (e, within) -> {
            throw new IllegalStateException("events are forbidden");
        })).run(true);

        World.assertComplete(r);
        assertThat(r.eventProblems()).singleElement().asString()
                .isEqualTo("cluster-a/default/service-a: the Event SyncedBackends could not be written (events are forbidden)");
        assertThat(ReportText.render(r)).contains("note: cluster-a/default/service-a: the Event SyncedBackends");
        assertThat(ReportJson.render(r)).contains("\"eventWarnings\"");
    }
}
