package com.clbsync.cli;

import com.clbsync.demo.Demo;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code demo}: both scenarios of the user's document, offline, on embedded defaults. */
@Command(mixinStandardHelpOptions = true,
        description = {"Runs clb-sync's real engine offline, with no cloud account: the clusters are Kubernetes"
                + " manifests (the user's Services, plus nodes and endpoint slices) and the CLB is an emulator on"
                + " loopback (an NLB's too) reached through the real SDKs. After each step it prints every group"
                + " (backend, port, weight, owner, share of traffic) and the CLB calls made."},
        footerHeading = "%nSteps:%n",
        footer = {
                "  1. Scenario 1: a group holding ECS instances added by hand; cluster A syncs",
                "     into it, the hand-added instances stay untouched.",
                "  2. Scenario 2: clusters A (12 nodes, weight 20) and B (2 nodes, weight 80)",
                "     share a group; the achieved shares beside the CCM's arithmetic.",
                "  3. Cluster A scales out to 20 nodes: one batched add.",
                "  4. Cluster A's app loses all ready pods: failover to cluster B (global",
                "     weights), and back.",
                "  5. A converged run: one describe per group, no write.",
                "  6. A Terway cluster C: an ENI Service (its pods, at their ENIs) beside a",
                "     node Service of cluster B in one group, 30/70.",
                "  7. Scenario 2 on an NLB: clusters A and B at 20/80 in a server group beside",
                "     a server added by hand; each write a job, awaited.",
                "  8. A migration with a 20-point ramp: cluster B's shop joins at weight 0 until",
                "     the CLB's health check passes it, a step waits while B is abnormal, then",
                "     20 points a run from A to B.",
                "  9-10. Cluster A is retired: its backends go to 0, then leave every group visited."})
final class DemoCommand implements Callable<Integer> {
    private final PrintWriter out;

    DemoCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        // this command owns its JVM: the emulator's JDK HTTP server answers without a 40 ms delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Demo.run(out);
        return 0;
    }
}
