package com.clbsync.demo;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.ManifestClusterReader;
import com.clbsync.plan.Backend;
import com.clbsync.plan.CcmWeights;
import com.clbsync.plan.GlobalWeights;
import com.clbsync.plan.ServiceShare;
import com.clbsync.sync.GroupReport;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncScope;
import com.clbsync.sync.SyncService;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * The offline demo: the real engine (manifests as clusters, the real SLB SDK against the CLB
 * emulator on loopback) through the user's two scenarios, a scale-out, a failover and a converged run.
 */
public final class Demo {
    static final String LB = "lb-bp1demo0000000000001";
    static final String GROUP_1 = "rsp-bp1demo000000000001";
    static final String GROUP_2 = "rsp-bp1demo000000000002";
    static final Backend HAND_1 = Backend.ecs("i-bp1handadded001", 80, 50, "");
    static final Backend HAND_2 = Backend.ecs("i-bp1handadded002", 80, 30, "web-legacy-2");

    private final PrintWriter out;
    private final ClbEmulator clb;
    private final SyncService global;
    private final SyncService ccm;
    private final DemoCluster a;
    private final DemoCluster b;
    private final List<Map<String, Long>> callsPerStep = new ArrayList<>();

    private Demo(PrintWriter out, ClbEmulator clb, DemoCluster a, DemoCluster b, ExecutorService pool) {
        this.out = out;
        this.clb = clb;
        this.a = a;
        this.b = b;
        List<ClusterConfig> clusters = List.of(ClusterConfig.builder(a.name()).build(), ClusterConfig.builder(b.name()).build());
        SyncConfig config = SyncConfig.of("cn-hangzhou", clb.endpoint(), WeightMode.GLOBAL, List.of(), clusters);
        Map<String, ClusterReader> readers = new LinkedHashMap<>();
        readers.put(a.name(), new ManifestClusterReader(a::documents));
        readers.put(b.name(), new ManifestClusterReader(b::documents));
        // the emulator on loopback has no API quota: pace the demo's calls far above the real one
        VServerGroupApi api = SlbVServerGroupApi.create("cn-hangzhou", clb.endpoint(), ClbCredentials.of("demo", "demo", null))
                .withQuotas(Quotas.of(Quotas.ACTIONS.stream().collect(Collectors.toMap(x -> x,
                        x -> Rate.of(10_000, Duration.ofSeconds(1)))), 1.0));
        this.global = new SyncService(config, readers, api, new GlobalWeights(), pool);
        this.ccm = new SyncService(config, readers, api, new CcmWeights(), pool);
    }

    /** Runs every step, printing as it goes; returns the CLB calls of each step and the final groups. */
    public static DemoResult run(PrintWriter out) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = SyncService.readPool();
        try (ClbEmulator clb = ClbEmulator.start()) {
            clb.createGroup(LB, GROUP_1);
            clb.createGroup(LB, GROUP_2);
            clb.putBackend(GROUP_1, HAND_1);
            clb.putBackend(GROUP_1, HAND_2);
            DemoCluster a = new DemoCluster("cluster-a", "a", 12).service("my-nginx-svc.yaml", 30080).service("service-a.yaml", 30081);
            DemoCluster b = new DemoCluster("cluster-b", "b", 2).service("service-b.yaml", 31081);
            Demo demo = new Demo(out, clb, a, b, pool);
            demo.steps();
            Map<String, List<Backend>> groups = new TreeMap<>();
            groups.put(GROUP_1, clb.backends(GROUP_1));
            groups.put(GROUP_2, clb.backends(GROUP_2));
            out.printf("%nThe demo took %.1f s. Everything ran through the real engine and the real SLB SDK, offline.%n",
                    (System.nanoTime() - start) / 1e9);
            out.flush();
            return new DemoResult(demo.callsPerStep, groups);
        } finally {
            pool.shutdownNow();
        }
    }

    private void steps() throws Exception {
        out.println("clb-sync demo: one CLB (" + LB + "), two clusters, ECS instances added by hand.");
        out.println("The clusters are Kubernetes manifests (the user's Services, nodes, endpoint slices); the CLB is an");
        out.println("emulator on loopback, reached through the real SLB SDK. Weight mode: global.");

        step(1, "Scenario 1: group " + GROUP_1 + " already holds two ECS instances added by hand. Cluster A's"
                + " my-nginx-svc syncs into it; the hand-added instances are untouched.",
                SyncScope.targeted(List.of(), List.of(ObjectRef.of(a.name(), "Service", "default", "my-nginx-svc"))), GROUP_1);

        SyncReport s2 = step(2, "Scenario 2: service-a (cluster A, 12 nodes, weight 20) and service-b (cluster B,"
                + " 2 nodes, weight 80) share group " + GROUP_2 + ".", SyncScope.full(), GROUP_2);
        shares(s2);

        a.scaleTo(20);
        step(3, "Cluster A scales out from 12 to 20 nodes: one batched add per group, and the weights follow.", SyncScope.full(), GROUP_2);

        a.podsReady(false);
        step(4, "Cluster A's app loses all its ready pods: its backends go to weight 0 (still attached) and"
                + " cluster B takes all the traffic.", SyncScope.full(), GROUP_2);
        a.podsReady(true);
        step(4, "... and its pods are back: the weights return.", SyncScope.full(), GROUP_2);

        step(5, "Nothing changed: a converged run costs one describe per group and no write.", SyncScope.full(), GROUP_1,
                GROUP_2);
    }

    private SyncReport step(int n, String what, SyncScope scope, String... show) {
        clb.clearCalls();
        SyncReport report = global.run(true, scope);
        Map<String, Long> calls = clb.calls().stream().collect(Collectors.groupingBy(ClbEmulator.Call::action,
                TreeMap::new, Collectors.counting()));
        callsPerStep.add(calls);
        out.printf("%n== Step %d. %s%n", n, what);
        out.println("  CLB calls: " + (calls.isEmpty() ? "none" : calls.entrySet().stream()
                .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining(", "))));
        for (GroupReport g : report.groups()) {
            out.printf("  %s: %s, added %d, re-weighted %d, removed %d, foreign untouched %d%n", g.groupId(),
                    g.status().name().toLowerCase().replace('_', ' '), g.added().size(), g.updated().size(),
                    g.removed().size(), g.plan() == null ? 0 : g.plan().foreign().size());
            g.errors().forEach(e -> out.println("  error: " + e));
        }
        for (String group : show) {
            GroupTable.print(out, group, clb.backends(group));
        }
        out.flush();
        return report;
    }

    /** The achieved shares beside the CCM's arithmetic for the same input (a plan: nothing written). */
    private void shares(SyncReport report) {
        SyncReport ccmPlan = ccm.run(false, SyncScope.full());
        GroupReport mine = report.groups().stream().filter(g -> g.groupId().equals(GROUP_2)).findFirst().orElseThrow();
        GroupReport theirs = ccmPlan.groups().stream().filter(g -> g.groupId().equals(GROUP_2)).findFirst().orElseThrow();
        out.printf("  %-28s %8s %14s %22s%n", "service", "wanted", "clb-sync", "the CCM's arithmetic");
        for (ServiceShare s : mine.shares()) {
            double theirShare = theirs.shares().stream().filter(x -> x.service().equals(s.service())).findFirst()
                    .map(ServiceShare::achieved).orElse(0.0);
            out.printf("  %-28s %7.1f%% %13.1f%% %21.1f%%%n", s.service(), 100 * (s.target() == null ? 0 : s.target()),
                    100 * s.achieved(), 100 * theirShare);
        }
        out.flush();
    }

    /** What the demo did: each step's CLB calls by action, and the groups at the end. */
    public static final class DemoResult {
        private final List<Map<String, Long>> callsPerStep;
        private final Map<String, List<Backend>> finalGroups;

        DemoResult(List<Map<String, Long>> callsPerStep, Map<String, List<Backend>> finalGroups) {
            this.callsPerStep = List.copyOf(callsPerStep);
            this.finalGroups = Map.copyOf(finalGroups);
        }

        public List<Map<String, Long>> callsPerStep() { return callsPerStep; }
        public Map<String, List<Backend>> finalGroups() { return finalGroups; }
    }
}
