package com.clbsync.bench;

import com.clbsync.emulator.ApiCall;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncService;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints API calls per reconcile, wall time and peak heap for a sync of 3 clusters x 100 nodes with
 * 20 Services each, all 60 Services mapping 20 shared groups (6,000 backends), through client-java
 * (in-process API servers) and the cloud SDK (the emulator on loopback): the first apply, a converged
 * run, and a scale-out of one cluster; first on CLB vServer groups (SLB SDK), then on NLB server groups
 * (NLB SDK), whose every write is a job that takes the time given as the first argument (default 500 ms)
 * before it ends: the NLB's wall time includes waiting on them.
 *
 * <pre>mvn -q test-compile && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clbsync.bench.SyncBenchmark [-Dexec.args=JOB_MS]</pre>
 */
public final class SyncBenchmark {
    private static final int CLUSTERS = 3;
    private static final int NODES = 100;
    private static final int GROUPS = 20;

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // the emulator's JDK HTTP server, without delayed ACKs
        Duration jobTime = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 500);
        System.out.printf("%d clusters x %d nodes, %d Services each into %d shared groups (%d backends)%n", CLUSTERS,
                NODES, GROUPS, GROUPS, CLUSTERS * NODES * GROUPS);
        bench(false, jobTime);
        bench(true, jobTime);
    }

    private static void bench(boolean nlb, Duration jobTime) throws Exception {
        try (World world = new World().weightMode(com.clbsync.config.WeightMode.GLOBAL)) {
            for (int g = 0; g < GROUPS; g++) {
                if (nlb) {
                    world.clb.nlb().createGroup(group(g, true), NLB);
                } else {
                    world.clb.createGroup(World.LB, group(g, false));
                }
            }
            world.clb.nlb().jobTime(jobTime);
            for (int c = 0; c < CLUSTERS; c++) {
                FakeCluster cluster = world.cluster("cluster-" + c);
                List<String> nodes = cluster.nodeNames("c" + c, NODES);
                for (int g = 0; g < GROUPS; g++) {
                    String name = "svc-" + g;
                    cluster.service(service(name, nlb ? NLB : World.LB, group(g, nlb), 10 + 10 * c), 30000 + g);
                    cluster.readyPods("default", name, nodes.subList(0, 3), true);
                }
            }
            SyncService service = world.service();
            System.out.println(nlb ? "NLB server groups (40 servers a call; each write a job of " + jobTime.toMillis() + " ms):"
                    : "CLB vServer groups (20 backends a call):");
            run("first apply", world, service);
            run("converged run", world, service);
            world.cluster("cluster-0").nodes("grown", 10);
            run("cluster-0 +10 nodes", world, service);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("peak heap of the whole benchmark JVM (API servers and emulator included): %d MB%n",
                    peak / (1024 * 1024));
        }
    }

    private static void run(String label, World world, SyncService service) {
        world.clb.clearCalls();
        long start = System.nanoTime();
        SyncReport r = service.run(true);
        long ms = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> calls = world.clb.calls().stream().collect(Collectors.groupingBy(ApiCall::action,
                TreeMap::new, Collectors.counting()));
        System.out.printf("  %-22s exit %d, %5d ms, %3d API calls %s%n", label, r.exitCode(), ms,
                calls.values().stream().mapToLong(Long::longValue).sum(), calls);
    }

    private static final String NLB = "nlb-bench0000000000001";

    private static String group(int g, boolean nlb) {
        return String.format(nlb ? "sgp-bench%04d" : "rsp-bench%04d", g);
    }

    private static Service service(String name, String lb, String group, int weight) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace("default")
                .addToAnnotations("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id", lb)
                .addToAnnotations("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-vgroup-port", group + ":80")
                .addToAnnotations("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight", Integer.toString(weight))
                .endMetadata().withNewSpec().withType("LoadBalancer").addNewPort().withPort(80).withNewTargetPort(8080).endPort()
                .endSpec().build();
    }
}
