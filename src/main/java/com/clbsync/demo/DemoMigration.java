package com.clbsync.demo;

import com.clbsync.config.SyncConfig;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.Ramp;
import com.clbsync.sync.SyncService;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The demo's steps 8a to 10: a migration between clusters with a ramp and the health gate, then a retirement. */
final class DemoMigration {
    /** Prints one full applied run of a service as a step of the demo. */
    interface Step {
        void run(String label, String what, SyncService service, String... show);
    }

    private final ClbEmulator clb;
    private final DemoCluster a;
    private final DemoCluster b;
    private final SyncConfig config;
    private final Function<SyncConfig, SyncService> services;
    private final Step step;

    DemoMigration(ClbEmulator clb, DemoCluster a, DemoCluster b, SyncConfig config, Function<SyncConfig, SyncService> services,
                  Step step) {
        this.clb = clb;
        this.a = a;
        this.b = b;
        this.config = config;
        this.services = services;
        this.step = step;
    }

    /**
     * Service shop moves from cluster A to cluster B in group 4: B joins at weight 0 until the CLB's health
     * check passes it, the shares move 20 points per run (here each run is a step: everySeconds 0), a step
     * waits while B's backends fail the health check, and A is retired once it carries nothing.
     */
    void run() throws Exception {
        SyncConfig ramped = config.withRamp(Ramp.of(20, 0, true));
        SyncService migrating = services.apply(ramped);
        a.service("shop-a.yaml", 30090);
        step.run("8a", "Migration, with ramp {stepPercent: 20, everySeconds: 0}: shop serves from cluster A (weight 90)"
                + " in group " + Demo.GROUP_4 + ", alone so far: nothing to ramp from, A takes all of it.",
                migrating, Demo.GROUP_4);
        b.service("shop-b.yaml", 31090);
        step.run("8b", "Cluster A and cluster B in the same group: B's backends join at weight 0 until the CLB's"
                + " health check finds them normal.", migrating, Demo.GROUP_4);
        step.run("8c", "The health check passes B's backends: B takes its 10%.", migrating, Demo.GROUP_4);
        a.weight("shop", 0);
        b.weight("shop", 100);
        List<Backend> ofB = clb.backends(Demo.GROUP_4).stream().filter(x -> x.serverId().contains("demob"))
                .collect(Collectors.toList());
        ofB.forEach(x -> clb.health(x.key(), "abnormal"));
        step.run("8d", "The annotations turn to A 0, B 100. B's backends fail the CLB's health check (a security group,"
                + " say): the step that would raise B waits, and says why.", migrating, Demo.GROUP_4);
        ofB.forEach(x -> clb.health(x.key(), "normal"));
        for (String label : List.of("8e", "8f", "8g", "8h", "8i")) {
            step.run(label, "A ramp step: at most 20 points, from what the CLB holds.", migrating, Demo.GROUP_4);
        }
        String ownerOfA = clb.backends(Demo.GROUP_4).stream().filter(x -> x.serverId().contains("demoa")).findFirst()
                .flatMap(x -> BackendDescription.ownerOf(x.description())).orElseThrow();
        SyncConfig retired = ramped.withClusters(config.clusters().stream().filter(c -> !c.name().equals(a.name()))
                .collect(Collectors.toList())).withRetiredOwnerIds(List.of(ownerOfA));
        SyncService retiring = services.apply(retired);
        step.run("9", "Cluster A leaves the configuration and its owner id " + ownerOfA + " goes into retiredOwnerIds."
                + " In every group visited its backends go: at weight 0 already in " + Demo.GROUP_4 + ", they leave; in "
                + Demo.GROUP_2 + " and the NLB's they go to 0 first (20 points: one step). Group " + Demo.GROUP_1 + ", which only"
                + " A's Service used, is not visited (list its CLB in loadBalancerIds to have it cleaned).", retiring,
                Demo.GROUP_4, Demo.GROUP_2);
        step.run("10", "The next run: A's backends, at 0 since the last, leave too. Nothing is left of cluster A in the"
                + " groups visited; the hand-added servers are untouched.", retiring, Demo.GROUP_2, Demo.SERVER_GROUP);
    }
}
