package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm instance's timer run reads only the changes since its snapshot (a bounded watch per list from
 * the snapshot's resourceVersion, ended by a bookmark) and applies them; a cold instance lists in full;
 * a compacted history, a watch cut short and a missing bookmark each fall back to a full list with the
 * same result. Against an API server that serves watches over HTTP.
 */
class WatchResumeEndToEndTest {
    private World world;
    private FakeCluster a;

    @BeforeEach
    void start() throws Exception {
        world = new World().warm().cacheSeconds(300);
        a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        a.nodes("a", 3);
        a.readyPods("default", "service-a", a.nodeNames("a", 3), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private ClusterReport clusterA(SyncReport r) {
        return r.clusters().stream().filter(c -> c.name().equals("cluster-a")).findFirst().orElseThrow();
    }

    private List<String> instances() {
        return world.group(GROUP_2).stream().map(Backend::serverId).sorted().collect(Collectors.toList());
    }

    private List<String> listsAndWatches() throws InterruptedException {
        return a.takeRequests().stream().filter(p -> p.startsWith("GET /api/v1/services") || p.startsWith("GET /api/v1/nodes")
                || p.startsWith("GET /apis/discovery.k8s.io/v1/endpointslices")).collect(Collectors.toList());
    }

    @Test
    void aColdInstanceListsInFull() throws Exception {
        SyncReport cold = World.assertComplete(world.apply());
        assertThat(clusterA(cold).readKind()).isEqualTo(ReadKind.FULL);
        assertThat(clusterA(cold).bytes()).isPositive();
        assertThat(a.watchesServed()).isZero();
        assertThat(ReportJson.render(cold)).contains("\"readKind\": \"full\"");
    }

    @Test
    void aWarmTimerRunReadsOnlyTheChangesAndAppliesThem() throws Exception {
        SyncReport cold = World.assertComplete(world.apply());
        long fullBytes = clusterA(cold).bytes();
        a.takeRequests();

        SyncReport nothing = World.assertComplete(world.apply());
        assertThat(clusterA(nothing).readKind()).isEqualTo(ReadKind.CHANGES);
        assertThat(clusterA(nothing).source()).contains("0 objects");
        assertThat(world.writes()).isZero();
        assertThat(listsAndWatches()).as("three watches, no list").hasSize(3).allMatch(p -> p.contains("watch=true")
                && p.contains("allowWatchBookmarks=true") && p.contains("resourceVersion="));

        a.node("a-3", "i-a-3");
        a.readyPods("default", "service-a", a.nodeNames("a", 4), true);
        SyncReport changed = World.assertComplete(world.apply());
        assertThat(clusterA(changed).readKind()).isEqualTo(ReadKind.CHANGES);
        assertThat(clusterA(changed).bytes()).as("changes cost less than a full read").isLessThan(fullBytes);
        assertThat(instances()).as("the change applied in the same run").contains("i-a-3").hasSize(4);
        assertThat(ReportText.render(changed)).contains("cluster-a: read").contains("; changes");

        a.deleteNode("a-0");
        World.assertComplete(world.apply());
        assertThat(instances()).as("a deletion comes as a change too").doesNotContain("i-a-0").hasSize(3);
    }

    /** With the watch failing so, a warm timer run lists in full, says why, and applies the change all the same. */
    private void fallsBackToAFullList(Runnable fault, String because) throws Exception {
        World.assertComplete(world.apply());
        fault.run();
        a.node("a-3", "i-a-3");
        SyncReport r = World.assertComplete(world.apply());
        assertThat(clusterA(r).readKind()).isEqualTo(ReadKind.FULL);
        assertThat(clusterA(r).source()).contains(because);
        assertThat(instances()).contains("i-a-3");
    }

    @Test
    void aCompactedHistoryFallsBackToAFullListWithTheSameResult() throws Exception {
        fallsBackToAFullList(() -> a.compactHistory(true), "410 Expired (the history since the snapshot is compacted)");
    }

    @Test
    void aWatchCutShortFallsBackToAFullListWithTheSameResult() throws Exception {
        fallsBackToAFullList(() -> a.cutWatches(true), "cut short");
    }

    @Test
    void anErrorAfterSomeChangesFallsBackToAFullListWithTheSameResult() throws Exception {
        World.assertComplete(world.apply());
        a.failWatchesMidway(true);
        a.node("a-3", "i-a-3");
        a.deleteNode("a-0");
        SyncReport r = World.assertComplete(world.apply());
        assertThat(clusterA(r).readKind()).isEqualTo(ReadKind.FULL);
        assertThat(clusterA(r).source()).contains("500 InternalError");
        assertThat(instances()).as("the changes the watch sent before its error are not taken alone: the list decides")
                .contains("i-a-3").doesNotContain("i-a-0");
    }

    @Test
    void aMissingBookmarkFallsBackToAFullListWithTheSameResult() throws Exception {
        fallsBackToAFullList(() -> a.withholdBookmarks(true), "without a bookmark");

        a.withholdBookmarks(false);
        a.deleteNode("a-3");
        SyncReport again = World.assertComplete(world.apply());
        assertThat(clusterA(again).readKind()).as("the full list gave a new resourceVersion to resume from")
                .isEqualTo(ReadKind.CHANGES);
        assertThat(instances()).doesNotContain("i-a-3");
    }
}
