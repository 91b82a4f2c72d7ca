package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendType;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.google.gson.JsonObject;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every group on its own: an answer the code cannot use fails that group alone, with a line in the
 * report; the other groups (here another CLB's) are synced, and the report comes out with exit 1. A
 * backend of a type this version does not know is kept as foreign, never re-typed. Global mode.
 */
class GroupIsolationTest {
    static final String LB_2 = "lb-bp1demo0000000000002";
    static final String GROUP_B = "rsp-bp1demo00000000000b";
    private World world;

    @BeforeEach
    void start() throws Exception {
        world = new World();
        world.clb.createGroup(LB_2, GROUP_B);
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080); // lb-...01 / GROUP_2
        Service other = a.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
        other.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "id", LB_2);
        other.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "vgroup-port", GROUP_B + ":80");
        a.service(other, 31080);
        a.nodes("a", 2);
        a.readyPods("default", "service-a", List.of("a-0", "a-1"), true);
        a.readyPods("default", "service-b", List.of("a-0", "a-1"), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static JsonObject row(String serverId, String type) {
        JsonObject r = new JsonObject();
        if (serverId != null) {
            r.addProperty("ServerId", serverId);
        }
        r.addProperty("Port", 8080);
        r.addProperty("Weight", 100);
        r.addProperty("Type", type);
        r.addProperty("Description", "k8s/8080/service-a/default/cluster-a");
        return r;
    }

    @Test
    void aDescribeAnswerWithAnUnusableRowFailsThatGroupAloneAndTheOtherClbIsSynced() throws Exception {
        world.clb.rawRow(GROUP_2, row(null, "ecs"));

        SyncReport r = world.apply();

        assertThat(r.exitCode()).isEqualTo(SyncReport.EXIT_INCOMPLETE);
        GroupReport broken = r.groups().stream().filter(g -> g.groupId().equals(GROUP_2)).findFirst().orElseThrow();
        assertThat(broken.status()).isEqualTo(GroupReport.Status.FAILED);
        assertThat(broken.errors()).singleElement().asString().contains("UnusableAnswer").contains("has no ServerId")
                .contains("nothing written to this group");
        assertThat(world.clb.calls()).filteredOn(c -> c.isWrite())
                .allSatisfy(c -> assertThat(c.params().get("VServerGroupId")).isEqualTo(GROUP_B));
        assertThat(world.group(GROUP_B)).extracting(Backend::serverId).containsExactlyInAnyOrder("i-a-0", "i-a-1");
        assertThat(ReportText.render(r)).contains(GROUP_2).contains(GROUP_B);
    }

    @Test
    void aBackendOfAnUnknownTypeIsKeptAsForeignWhateverItsDescription() throws Exception {
        world.clb.rawRow(GROUP_2, row("sth-1", "gwlb"));

        SyncReport r = World.assertComplete(world.apply());

        GroupReport g = r.groups().stream().filter(x -> x.groupId().equals(GROUP_2)).findFirst().orElseThrow();
        assertThat(g.plan().foreign()).singleElement().satisfies(b -> {
            assertThat(b.serverId()).isEqualTo("sth-1");
            assertThat(b.type()).isEqualTo(BackendType.OTHER);
        });
        assertThat(g.removed()).isEmpty();
        assertThat(world.group(GROUP_2)).extracting(Backend::serverId).containsExactlyInAnyOrder("i-a-0", "i-a-1");
    }
}
