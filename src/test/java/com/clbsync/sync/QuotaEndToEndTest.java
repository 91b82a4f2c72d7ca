package com.clbsync.sync;

import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/** A first sync against an emulator that enforces the add quota, with clb-sync pacing itself by the same quota. */
class QuotaEndToEndTest {
    private static final String ADD = "AddVServerGroupBackendServers";
    private World world;

    @BeforeEach
    void start() throws Exception {
        world = new World();
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        List<String> nodes = a.nodeNames("a", 200);
        a.readyPods("default", "service-a", nodes, true);
        world.clb.quota(ADD, 20, Duration.ofSeconds(1), 4); // 10 adds of 20 backends need about half a second
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void pacedByTheQuotaNoCallIsRefusedAndProgressIsReported() throws Exception {
        world.quotas(Quotas.of(Map.of(ADD, Rate.of(20, Duration.ofSeconds(1))), 1.0));
        List<Progress.Snapshot> seen = new CopyOnWriteArrayList<>();

        SyncReport r = world.service().withProgress(seen::add, Duration.ofMillis(100)).run(true);

        World.assertComplete(r);
        assertThat(world.group(GROUP_2)).hasSize(200);
        assertThat(world.clb.refusedByQuota()).isZero();
        assertThat(seen).isNotEmpty().last().satisfies(s -> {
            assertThat(s.groups()).isEqualTo(1);
            assertThat(s.calls()).isPositive();
        });
    }

    @Test
    void unpacedTheQuotaRefusesCallsThatAreRetried() throws Exception {
        World.assertComplete(world.apply()); // the world's client is not paced by default
        assertThat(world.group(GROUP_2)).hasSize(200);
        assertThat(world.clb.refusedByQuota()).isPositive();
    }

    @Test
    void whenTheQuotaCannotFitTheWorkBeforeTheDeadlineWholeBatchesAreWrittenAndTheNextRunContinues() throws Exception {
        world.quotas(Quotas.of(Map.of(ADD, Rate.of(4, Duration.ofSeconds(1))), 1.0)); // 4 adds a second

        SyncReport first = world.apply(Deadline.in(Duration.ofMillis(1500)));

        GroupReport g = first.groups().get(0);
        assertThat(g.status()).isEqualTo(GroupReport.Status.UNFINISHED);
        assertThat(g.added().size()).isPositive().isLessThan(200);
        assertThat(g.added().size() % 20).isZero();
        assertThat(g.left().adds()).hasSize(200 - g.added().size());
        assertThat(g.errors()).singleElement().asString().contains("the API quota allows no call of it before the run's deadline");

        World.assertComplete(world.apply());
        assertThat(world.group(GROUP_2)).hasSize(200);
    }
}
