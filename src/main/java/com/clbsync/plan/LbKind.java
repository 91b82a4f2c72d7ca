package com.clbsync.plan;

/**
 * Which kind of load balancer a Service's annotations name: a Classic Load Balancer ({@code lb-...},
 * its vServer groups {@code rsp-...}) or a Network Load Balancer ({@code nlb-...}, its server groups
 * {@code sgp-...}). One kind per annotation; the kind decides the cloud adapter and the description form.
 */
public enum LbKind {
    CLB("CLB", "vServer group"),
    NLB("NLB", "server group");

    private final String label;
    private final String group;

    LbKind(String label, String group) {
        this.label = label;
        this.group = group;
    }

    /** The kind a load balancer id names: {@code nlb-...} is an NLB, anything else a CLB. */
    public static LbKind ofLoadBalancer(String loadBalancerId) {
        return loadBalancerId.startsWith("nlb-") ? NLB : CLB;
    }

    /** The kind a group id names: {@code sgp-...} is an NLB server group, anything else a CLB vServer group. */
    public static LbKind ofGroup(String groupId) {
        return groupId.startsWith("sgp-") ? NLB : CLB;
    }

    /** {@code CLB} or {@code NLB}, as reports name it. */
    public String label() { return label; }

    /** {@code a CLB} or {@code an NLB}. */
    public String withArticle() { return (this == NLB ? "an " : "a ") + label; }

    /** What its groups are called: {@code vServer group} or {@code server group}. */
    public String groupWord() { return group; }
}
