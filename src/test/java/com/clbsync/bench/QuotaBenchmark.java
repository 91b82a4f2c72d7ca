package com.clbsync.bench;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.emulator.ApiCall;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.sync.GroupReport;
import com.clbsync.sync.SyncFactory;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncScope;
import com.clbsync.sync.SyncService;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A first sync at the CLB's API quota, scaled down ten times (30 calls per second per write action
 * with a burst of 30, where the real quota is 90 per 60 s): 3 CLBs x 4 groups, each fed by 3 clusters
 * x 200 nodes, so 360 add calls. Prints calls needed, made and refused, wall time and the floor the
 * quota sets ({@code (calls - burst) / rate}): without client-side pacing (as before: learning the
 * limit from refusals), with pacing at the quota, and across runs cut by a deadline.
 *
 * <pre>mvn -q test-compile && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clbsync.bench.QuotaBenchmark</pre>
 */
public final class QuotaBenchmark {
    private static final int CLBS = 3;
    private static final int GROUPS_PER_CLB = 4;
    private static final int CLUSTERS = 3;
    private static final int NODES = 200;
    private static final int RATE = 30;
    private static final int BURST = 30;
    private static final List<String> WRITES = List.of("AddVServerGroupBackendServers", "RemoveVServerGroupBackendServers",
            "SetVServerGroupAttribute");

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // the emulator's JDK HTTP server, without delayed ACKs
        int groups = CLBS * GROUPS_PER_CLB;
        int needed = groups * (CLUSTERS * NODES / 20);
        double floor = (needed - BURST) / (double) RATE;
        System.out.printf("%d CLBs x %d groups, each fed by %d clusters x %d nodes: %d backends, at least %d add calls;%n"
                + "quota %d calls/s per write action, burst %d: floor (calls - burst) / rate = %.1f s%n%n", CLBS,
                GROUPS_PER_CLB, CLUSTERS, NODES, groups * CLUSTERS * NODES, needed, RATE, BURST, floor);
        System.out.printf("%-34s %6s %6s %8s %9s %10s %8s%n", "run", "needed", "made", "refused", "refused%", "wall (s)",
                "x floor");
        Quotas atTheQuota = Quotas.of(WRITES.stream().collect(Collectors.toMap(a -> a, a -> Rate.of(RATE, Duration.ofSeconds(1)))), 1.0);
        try (World world = world()) {
            oneRun("unpaced (learns from refusals)", world, World.NO_QUOTA, needed, floor);
        }
        try (World world = world()) {
            oneRun("paced at the quota", world, atTheQuota, needed, floor);
        }
        try (World world = world()) {
            System.out.println();
            System.out.println("paced, each run cut by a 4 s deadline, until converged:");
            SyncService service = service(world, atTheQuota);
            for (int run = 1; run <= 10; run++) {
                world.clb.clearCalls();
                int refusedBefore = world.clb.refusedByQuota();
                long start = System.nanoTime();
                SyncReport r = service.run(true, SyncScope.full(), Deadline.in(Duration.ofSeconds(4)));
                double wall = (System.nanoTime() - start) / 1e9;
                int left = r.groups().stream().mapToInt(g -> g.left().size()).sum();
                int added = r.groups().stream().mapToInt(g -> g.added().size()).sum();
                long unfinished = r.groups().stream().filter(g -> g.status() == GroupReport.Status.UNFINISHED).count();
                System.out.printf("run %d: %3d write calls, %d refused, %4d backends added, %4d left in %2d unfinished"
                        + " groups, %.1f s, exit %d%n", run, writes(world), world.clb.refusedByQuota() - refusedBefore,
                        added, left, unfinished, wall, r.exitCode());
                if (r.exitCode() == 0) {
                    break;
                }
            }
        }
    }

    private static void oneRun(String label, World world, Quotas quotas, int needed, double floor) {
        SyncService service = service(world, quotas);
        world.clb.clearCalls();
        long start = System.nanoTime();
        SyncReport r = service.run(true, SyncScope.full(), Deadline.in(Duration.ofMinutes(5)));
        double wall = (System.nanoTime() - start) / 1e9;
        long made = writes(world);
        int refused = world.clb.refusedByQuota();
        System.out.printf("%-34s %6d %6d %8d %8.1f%% %10.1f %8.2f   exit %d%n", label, needed, made, refused,
                100.0 * refused / made, wall, wall / floor, r.exitCode());
    }

    private static long writes(World world) {
        return world.clb.calls().stream().filter(ApiCall::isWrite).count();
    }

    /** The production client (standard retries and timeouts) with these quotas, against the emulator. */
    private static SyncService service(World world, Quotas quotas) {
        SlbVServerGroupApi api = SlbVServerGroupApi.create("cn-hangzhou", world.clb.endpoint(),
                ClbCredentials.of("AKID", World.SECRET, null)).withQuotas(quotas);
        try {
            return SyncFactory.create(world.config(), api);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static World world() throws Exception {
        World world = new World();
        for (String action : WRITES) {
            world.clb.quota(action, RATE, Duration.ofSeconds(1), BURST);
        }
        for (int c = 0; c < CLUSTERS; c++) {
            FakeCluster cluster = world.cluster("cluster-" + c);
            List<String> nodes = cluster.nodeNames("c" + c, NODES);
            for (int lb = 0; lb < CLBS; lb++) {
                for (int g = 0; g < GROUPS_PER_CLB; g++) {
                    String group = String.format("rsp-quota-%d-%d", lb, g);
                    String name = String.format("svc-%d-%d", lb, g);
                    if (c == 0) {
                        world.clb.createGroup("lb-quota-" + lb, group);
                    }
                    cluster.service(new ServiceBuilder().withNewMetadata().withName(name).withNamespace("default")
                            .addToAnnotations(Map.of(
                                    "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id", "lb-quota-" + lb,
                                    "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-vgroup-port", group + ":80",
                                    "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight", Integer.toString(10 + 10 * c)))
                            .endMetadata().withNewSpec().withType("LoadBalancer").addNewPort().withPort(80)
                            .withNewTargetPort(8080).endPort().endSpec().build(), 30000 + lb * 10 + g);
                    cluster.readyPods("default", name, nodes.subList(0, 3), true);
                }
            }
        }
        return world;
    }
}
