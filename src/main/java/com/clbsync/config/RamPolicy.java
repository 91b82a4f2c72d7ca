package com.clbsync.config;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The RAM policy clb-sync needs for a configuration, scoped as far as the actions allow: the SLB
 * actions on exactly the load balancers {@code access} lists (every one of the region without it), the
 * ENI lookup, the kubeconfigs of the ACK clusters given by id alone, and the audit logstores of the
 * clusters with an ACK id; all in the configuration's region and the given account. The actions are
 * exactly the calls the code makes (a test derives them).
 */
public final class RamPolicy {
    /** The NLB actions clb-sync calls (jobs are polled with ListAsynJobs). */
    public static final List<String> NLB_ACTIONS = List.of("nlb:ListServerGroups", "nlb:ListServerGroupServers",
            "nlb:AddServersToServerGroup", "nlb:RemoveServersFromServerGroup", "nlb:UpdateServerGroupServersAttribute",
            "nlb:ListAsynJobs");

    /** The SLB actions clb-sync calls. */
    public static final List<String> SLB_ACTIONS = List.of("slb:DescribeVServerGroupAttribute", "slb:DescribeVServerGroups",
            "slb:AddVServerGroupBackendServers", "slb:RemoveVServerGroupBackendServers", "slb:SetVServerGroupAttribute");

    /** The SLB action a health-gated ramp adds. */
    public static final String HEALTH_ACTION = "slb:DescribeHealthStatus";

    private RamPolicy() {
    }

    /** @param account the Alibaba Cloud account id ({@code *}: any, when not known) */
    public static JsonObject of(SyncConfig config, String account) {
        String region = config.region();
        JsonArray statements = new JsonArray();
        List<String> lbs = new ArrayList<>();
        if (config.access().declared()) {
            config.access().loadBalancerIds().forEach(lb -> lbs.add(arn("slb", region, account, "loadbalancer/" + lb)));
        } else {
            lbs.add(arn("slb", region, account, "loadbalancer/*"));
        }
        List<String> slb = new ArrayList<>(SLB_ACTIONS);
        if (config.ramp().isOn() && config.ramp().healthGate()) {
            slb.add(HEALTH_ACTION); // a health-gated ramp reads the CLB's health check
        }
        statements.add(statement(slb, lbs));
        if (config.usesNlb()) {
            // server groups belong to a VPC, not to one NLB: RAM scopes their calls by server group
            statements.add(statement(NLB_ACTIONS, List.of(arn("nlb", region, account, "servergroup/*"))));
        }
        statements.add(statement(List.of("ecs:DescribeNetworkInterfaces"), List.of(arn("ecs", region, account, "eni/*"))));
        Set<String> fromAck = new TreeSet<>();
        Set<String> audit = new TreeSet<>();
        for (ClusterConfig c : config.clusters()) {
            c.ackClusterId().ifPresent(id -> {
                audit.add(arn("log", region, account, "project/k8s-log-" + id + "/logstore/audit-" + id));
                if (c.fromAck()) {
                    fromAck.add(arn("cs", region, account, "cluster/" + id));
                }
            });
        }
        if (!fromAck.isEmpty()) {
            statements.add(statement(List.of("cs:DescribeClusterUserKubeconfig"), List.copyOf(fromAck)));
        }
        if (!audit.isEmpty()) {
            statements.add(statement(List.of("log:GetCursorOrData"), List.copyOf(audit)));
        }
        // the function's own log lines (logConfig: auto in s.yaml)
        statements.add(statement(List.of("log:PostLogStoreLogs"), List.of(arn("log", region, account,
                "project/serverless-*/logstore/*"))));
        JsonObject policy = new JsonObject();
        policy.addProperty("Version", "1");
        policy.add("Statement", statements);
        return policy;
    }

    /** The policy as RAM takes it: pretty JSON. */
    public static String render(SyncConfig config, String account) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(of(config, account)) + "\n";
    }

    private static String arn(String service, String region, String account, String resource) {
        return "acs:" + service + ":" + region + ":" + account + ":" + resource;
    }

    private static JsonObject statement(List<String> actions, List<String> resources) {
        JsonObject s = new JsonObject();
        s.addProperty("Effect", "Allow");
        JsonArray a = new JsonArray();
        actions.forEach(a::add);
        s.add("Action", a);
        JsonArray r = new JsonArray();
        resources.forEach(r::add);
        s.add("Resource", r);
        return s;
    }
}
