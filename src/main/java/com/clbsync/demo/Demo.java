package com.clbsync.demo;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.EcsEniLookup;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.GroupApis;
import com.clbsync.clb.NlbServerGroupApi;
import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.clb.RetryPolicy;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.emulator.ApiCall;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.ManifestClusterReader;
import com.clbsync.plan.Backend;
import com.clbsync.plan.CcmWeights;
import com.clbsync.plan.GlobalWeights;
import com.clbsync.plan.LbKind;
import com.clbsync.plan.ServiceShare;
import com.clbsync.sync.GroupReport;
import com.clbsync.sync.ObjectKind;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The offline demo: the real engine (manifests as clusters, the real SLB SDK against the CLB
 * emulator on loopback) through the user's two scenarios, a scale-out, a failover, a converged run, and
 * a Terway cluster's ENI Service beside a node Service in one group.
 */
public final class Demo {
    static final String LB = "lb-bp1demo0000000000001";
    static final String GROUP_1 = "rsp-bp1demo000000000001";
    static final String GROUP_2 = "rsp-bp1demo000000000002";
    static final String GROUP_3 = "rsp-bp1demo000000000003";
    static final String GROUP_4 = "rsp-bp1demo000000000004";
    static final Backend HAND_1 = Backend.ecs("i-bp1handadded001", 80, 50, "");
    static final Backend HAND_2 = Backend.ecs("i-bp1handadded002", 80, 30, "web-legacy-2");
    static final String NLB = "nlb-bp1demo000000000001";
    static final String SERVER_GROUP = "sgp-bp1demo000000000001";
    static final Backend HAND_3 = Backend.ecs("i-bp1handadded003", 80, 50, "web-legacy-3");

    private final PrintWriter out;
    private final ClbEmulator clb;
    private final SyncService global;
    private final SyncService ccm;
    private final SyncConfig config;
    /** A sync service of this demo's clusters and CLB for a configuration (the migration's, with a ramp). */
    private final Function<SyncConfig, SyncService> services;
    private final DemoCluster a;
    private final DemoCluster b;
    private final DemoCluster c;
    private final List<Map<String, Long>> callsPerStep = new ArrayList<>();
    /** What each group looked like when last printed, and in which step: an unchanged group is not printed again. */
    private final Map<String, List<Backend>> lastShown = new TreeMap<>();
    private final Map<String, String> lastShownIn = new TreeMap<>();
    /** Lines are kept within this width. */
    static final int WIDTH = 100;

    private Demo(PrintWriter out, ClbEmulator clb, DemoCluster a, DemoCluster b, DemoCluster c, ExecutorService pool) {
        this.out = out;
        this.clb = clb;
        this.a = a;
        this.b = b;
        this.c = c;
        List<ClusterConfig> clusters = new ArrayList<>();
        Map<String, ClusterReader> readers = new LinkedHashMap<>();
        for (DemoCluster d : List.of(a, b, c)) {
            clusters.add(ClusterConfig.builder(d.name()).build());
            readers.put(d.name(), new ManifestClusterReader(d::documents));
        }
        this.config = SyncConfig.of("cn-hangzhou", clb.endpoint(), WeightMode.GLOBAL, List.of(), clusters);
        ClbCredentials credentials = ClbCredentials.of("demo", "demo", null);
        // the emulator on loopback has no API quota: pace the demo's calls far above the real one
        Quotas fast = Quotas.of(Stream.concat(Quotas.ACTIONS.stream(), Quotas.NLB_ACTIONS.stream()).collect(Collectors.toMap(
                x -> x, x -> Rate.of(10_000, Duration.ofSeconds(1)))), 1.0);
        VServerGroupApi api = GroupApis.of(SlbVServerGroupApi.create("cn-hangzhou", clb.endpoint(), credentials).withQuotas(fast),
                () -> NlbServerGroupApi.create("cn-hangzhou", clb.endpoint(), credentials, NlbServerGroupApi.DEFAULT_BATCH)
                        .withQuotas(fast));
        // the emulator answers ECS DescribeNetworkInterfaces too: the ENIs of cluster C's pods
        EniLookup enis = EcsEniLookup.create("cn-hangzhou", clb.endpoint(), credentials, RetryPolicy.standard());
        this.global = new SyncService(config, readers, api, new GlobalWeights(), pool).withEnis(enis);
        this.ccm = new SyncService(config, readers, api, new CcmWeights(), pool).withEnis(enis);
        this.services = cfg -> new SyncService(cfg, readers, api, new GlobalWeights(), pool).withEnis(enis);
    }

    /** Runs every step, printing as it goes; returns the CLB calls of each step and the final groups. */
    public static DemoResult run(PrintWriter out) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = SyncService.readPool(2);
        try (ClbEmulator clb = ClbEmulator.start()) {
            clb.createGroup(LB, GROUP_1);
            clb.createGroup(LB, GROUP_2);
            clb.createGroup(LB, GROUP_3);
            clb.createGroup(LB, GROUP_4);
            clb.putBackend(GROUP_1, HAND_1);
            clb.putBackend(GROUP_1, HAND_2);
            clb.nlb().createGroup(SERVER_GROUP, NLB);
            clb.nlb().putServer(SERVER_GROUP, HAND_3);
            DemoCluster a = new DemoCluster("cluster-a", "a", 12).service("my-nginx-svc.yaml", 30080).service("service-a.yaml", 30081);
            DemoCluster b = new DemoCluster("cluster-b", "b", 2).service("service-b.yaml", 31081);
            DemoCluster c = new DemoCluster("cluster-c", "c", 3); // a Terway cluster: each pod on its own ENI
            for (int i = 1; i <= c.nodes(); i++) {
                clb.networkInterface(String.format("eni-bp1democ%03d", i), DemoCluster.instanceId("c", i), c.podIp(i));
            }
            Demo demo = new Demo(out, clb, a, b, c, pool);
            demo.steps();
            Map<String, List<Backend>> groups = new TreeMap<>();
            List.of(GROUP_1, GROUP_2, GROUP_3, GROUP_4).forEach(g -> groups.put(g, clb.backends(g)));
            groups.put(SERVER_GROUP, clb.nlb().servers(SERVER_GROUP));
            out.printf("%nThe demo took %.1f s. Everything ran through the real engine and the real SLB and NLB SDKs, offline.%n",
                    (System.nanoTime() - start) / 1e9);
            out.flush();
            return new DemoResult(demo.callsPerStep, groups);
        } finally {
            pool.shutdownNow();
        }
    }

    private void steps() throws Exception {
        out.println("clb-sync demo: one CLB (" + LB + "), three clusters, ECS instances added by hand.");
        out.println("The clusters are Kubernetes manifests (the user's Services, nodes, endpoint slices); the CLB is an");
        out.println("emulator on loopback (an NLB's too), reached through the real SDKs. Weight mode: global.");

        step("1", "Scenario 1: group " + GROUP_1 + " already holds two ECS instances added by hand. Cluster A's"
                + " my-nginx-svc syncs into it; the hand-added instances are untouched.",
                SyncScope.targeted(List.of(), List.of(ObjectRef.of(a.name(), ObjectKind.SERVICE, "default", "my-nginx-svc"))), GROUP_1);

        step("2", "Scenario 2: service-a (cluster A, 12 nodes, weight 20) and service-b (cluster B, 2 nodes,"
                + " weight 80) share group " + GROUP_2 + ". Beside clb-sync's shares, the CCM's arithmetic for the"
                + " same input.", SyncScope.full(), GROUP_2);

        a.scaleTo(20);
        step("3", "Cluster A scales out from 12 to 20 nodes: one batched add per group, and the weights follow.",
                SyncScope.full(), GROUP_1, GROUP_2);

        a.podsReady(false);
        step("4a", "Cluster A's app loses all its ready pods: its backends go to weight 0 (still attached) and"
                + " cluster B takes all the traffic.", SyncScope.full(), GROUP_2);
        a.podsReady(true);
        step("4b", "Cluster A's pods are back: the weights return.", SyncScope.full(), GROUP_2);

        step("5", "Nothing changed: a converged run costs one describe per group and no write.", SyncScope.full(), GROUP_1,
                GROUP_2);

        b.service("api-nodes.yaml", 31082);
        c.service("api-eni.yaml");
        step("6", "Group " + GROUP_3 + ": api-nodes (cluster B, 2 nodes, weight 70) beside api-eni (cluster C on"
                + " Terway, backend-type eni, weight 30): its 3 pods are backends at their ENI, pod IP and target port"
                + " (the ENIs from one ECS DescribeNetworkInterfaces call).", SyncScope.full(), GROUP_3);

        a.service("service-a-nlb.yaml", 30083);
        b.service("service-b-nlb.yaml", 31083);
        step("7", "Scenario 2 on a Network Load Balancer: the same two clusters at 20/80 in NLB server group "
                + SERVER_GROUP + ", beside a server added by hand; each write is a job, awaited.", SyncScope.full(),
                SERVER_GROUP);

        new DemoMigration(clb, a, b, config, services, this::step).run();
    }

    private void step(String label, String what, SyncScope scope, String... show) {
        step(label, what, global, scope, show);
    }

    /** A full applied run of {@code service}, printed as a step. */
    private void step(String label, String what, SyncService service, String... show) {
        step(label, what, service, SyncScope.full(), show);
    }

    private void step(String label, String what, SyncService service, SyncScope scope, String... show) {
        clb.clearCalls();
        SyncReport report = service.run(true, scope);
        List<ApiCall> made = clb.calls();
        callsPerStep.add(made.stream().collect(Collectors.groupingBy(ApiCall::action, TreeMap::new,
                Collectors.counting())));
        out.println();
        wrap("== Step " + label + ". ", what);
        boolean nlb = made.stream().anyMatch(c -> Quotas.NLB_ACTIONS.contains(c.action()));
        wrap(nlb ? "  NLB and CLB calls, in order: " : "  CLB calls, in order: ", made.isEmpty() ? "none" : inOrder(made));
        for (GroupReport g : report.groups()) {
            out.printf("  %s: %s, added %d, re-weighted %d, removed %d, foreign untouched %d%n", g.groupId(),
                    g.status().name().toLowerCase().replace('_', ' '), g.added().size(), g.updated().size(),
                    g.removed().size(), g.plan() == null ? 0 : g.plan().foreign().size());
            g.errors().forEach(e -> wrap("  error: ", e));
            g.ramps().forEach(x -> wrap("  ramp: ", x.toString()));
            g.health().forEach(h -> wrap("  health: ", h.toString()));
            g.retiredLeft().forEach((owner, n) -> wrap("  retired owner ", owner + ": " + n + " backend(s) left"));
        }
        report.notes().forEach(n -> wrap("  note: ", n));
        for (String group : show) {
            List<Backend> now = group.startsWith("sgp-") ? clb.nlb().servers(group) : clb.backends(group);
            if (now.equals(lastShown.get(group))) {
                out.printf("  %s %s: unchanged since step %s%n", LbKind.ofGroup(group).groupWord(), group, lastShownIn.get(group));
            } else {
                GroupTable.print(out, group, now);
                lastShown.put(group, now);
                lastShownIn.put(group, label);
            }
            shares(report, group, label.equals("2"));
        }
        out.flush();
    }

    /** The calls as made, a run of the same action on the same group counted once: "Describe... x 2, Add... x 1". */
    private static String inOrder(List<ApiCall> calls) {
        List<String> parts = new ArrayList<>();
        String last = null;
        int count = 0;
        for (ApiCall c : calls) {
            if (c.action().equals(last)) {
                count++;
                continue;
            }
            if (last != null) {
                parts.add(last + " x " + count);
            }
            last = c.action();
            count = 1;
        }
        parts.add(last + " x " + count);
        return String.join(", ", parts);
    }

    /** Prints {@code text} after {@code first}, wrapped at {@link #WIDTH} with continuation lines indented. */
    private void wrap(String first, String text) {
        StringBuilder line = new StringBuilder(first);
        String indent = " ".repeat(Math.min(first.length(), 8));
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.toString().trim().length() > 0
                    && line.length() > indent.length()) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(line.length() == 0 || line.charAt(line.length() - 1) == ' ' ? "" : " ").append(word);
        }
        out.println(line);
    }

    /** Each Service's wanted and achieved share of the group; with the CCM's arithmetic for the same input (a plan). */
    private void shares(SyncReport report, String group, boolean withCcm) {
        GroupReport mine = report.groups().stream().filter(g -> g.groupId().equals(group)).findFirst().orElseThrow();
        GroupReport theirs = withCcm ? ccm.run(false, SyncScope.full()).groups().stream()
                .filter(g -> g.groupId().equals(group)).findFirst().orElseThrow() : null;
        out.printf("  %-32s %9s %9s%s%n", "service", "wanted", "achieved", withCcm ? "   the CCM's arithmetic" : "");
        for (ServiceShare s : mine.shares()) {
            String ccmShare = theirs == null ? "" : String.format(" %22.1f%%", 100 * theirs.shares().stream()
                    .filter(x -> x.service().equals(s.service())).findFirst().map(ServiceShare::achieved).orElse(0.0));
            out.printf("  %-32s %9s %8.1f%%%s%n", s.service(),
                    s.target() == null ? "no weight" : String.format("%.1f%%", 100 * s.target()), 100 * s.achieved(), ccmShare);
        }
        out.flush();
    }
}
