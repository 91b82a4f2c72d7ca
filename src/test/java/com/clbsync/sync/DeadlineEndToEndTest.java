package com.clbsync.sync;

import com.clbsync.emulator.Faults;
import com.clbsync.plan.Backend;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/** The run's deadline reached in the middle of a large first sync: a clean stop, a report, and the next run finishes. */
class DeadlineEndToEndTest {
    private static final int NODES = 300;
    private World world;

    @BeforeEach
    void start() throws Exception {
        world = new World();
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        List<String> nodes = a.nodeNames("a", NODES);
        a.readyPods("default", "service-a", nodes, true);
        World.assertComplete(world.run(false)); // warm the clients: the budget below is for the CLB calls
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aDeadlineInTheMiddleOfAFirstSyncStopsCleanlyAndTheNextRunFinishes() throws Exception {
        world.clb.inject(Faults.none().delay(Duration.ofMillis(250)), 1); // 15 adds of 20: about 4 s of calls

        SyncReport cut = world.apply(Deadline.in(Duration.ofMillis(2500)));

        assertThat(cut.exitCode()).isEqualTo(1);
        GroupReport g = cut.groups().get(0);
        assertThat(g.status()).as(ReportText.render(cut)).isEqualTo(GroupReport.Status.UNFINISHED);
        int made = g.added().size();
        assertThat(made).isPositive().isLessThan(NODES).isEqualTo(world.group(GROUP_2).size());
        assertThat(made % 20).as("whole batches only").isZero();
        assertThat(g.left().adds()).hasSize(NODES - made);
        assertThat(g.errors()).singleElement().asString().contains("stopped by the run's deadline")
                .contains("left undone at most " + (NODES - made) + " adds");
        assertThat(ReportJson.render(cut)).contains("\"status\": \"UNFINISHED\"").contains("\"leftUndone\"");

        world.clb.inject(Faults.none(), 1);
        SyncReport next = World.assertComplete(world.apply());
        assertThat(next.groups().get(0).added()).hasSize(NODES - made);
        assertThat(world.group(GROUP_2)).hasSize(NODES).extracting(Backend::serverId).doesNotHaveDuplicates();
    }
}
