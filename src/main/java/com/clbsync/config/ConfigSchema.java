package com.clbsync.config;

import com.clbsync.clb.Quotas;
import com.clbsync.plan.NotReadyStorm;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every key of {@code clb-sync.yaml}, declared once ({@link Key}): the loader validates against it and
 * binds its defaults; {@code clb-sync schema} prints it as the JSON Schema editors validate and complete
 * the file with ({@code src/deploy/clb-sync.schema.json}). Rules between keys (server or kubeconfig,
 * readable files, the transport rule, unique names) are the loader's.
 */
final class ConfigSchema {
    static final String ENDPOINT = "(https?://)?[A-Za-z0-9.-]+(:\\d{1,5})?/?";
    static final String RESOURCE_ID = "[A-Za-z0-9][A-Za-z0-9-]*";
    static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    static final Key REGION = Key.string("region", "The region of the CLBs and clusters, e.g. cn-hangzhou.").required()
            .pattern("[a-z]{2,}(-[a-z0-9]+)+").expecting("is not a region id like cn-hangzhou");
    static final Key NETWORK = Key.string("network", "Where clb-sync runs: public (default) or vpc, a VPC without internet"
            + " access, where every Alibaba Cloud API is called at its VPC endpoint.").dflt(Network.PUBLIC.key())
            .oneOf(Arrays.stream(Network.values()).map(Network::key).collect(Collectors.toList()));
    static final Key CLB_ENDPOINT = endpoint("The SLB API endpoint; by default the network's. http:// only to loopback"
            + " (a local stand-in).");
    static final Key RATE_LIMITS = rateLimits(Quotas.ACTIONS);
    static final Key QUOTA_SHARE = Key.number("quotaShare", "The part of each API quota clb-sync may use, (0, 1].")
            .dflt(1.0).above(0, 1);
    static final Key CLB = Key.object("clb", "The SLB API.", CLB_ENDPOINT, RATE_LIMITS, QUOTA_SHARE);
    static final Key WEIGHT_MODE = Key.string("weightMode", "global (default): each Service gets the share of its group its"
            + " weight asks for, across clusters; ccm: the in-cluster CCM's arithmetic.").dflt(WeightMode.GLOBAL.key())
            .oneOf(Arrays.stream(WeightMode.values()).map(WeightMode::key).collect(Collectors.toList()));
    static final Key FAIL_OPEN = Key.number("failOpenNotReadyFraction", "At this fraction of NotReady nodes a cluster's"
            + " backends are held as they are (a NotReady storm), (0, 1].").dflt(NotReadyStorm.DEFAULT_FRACTION).above(0, 1);
    static final Key DRAIN_SECONDS = Key.integer("drainSeconds", "How long a leaving live backend stays at weight 0"
            + " before it is removed (0: at once).").dflt(0).range(0, 3600);
    static final Key CACHE_SECONDS = Key.integer("cacheSeconds", "How long a warm instance may reuse a cluster's snapshot"
            + " for a targeted event (0: never).").dflt(SyncConfig.DEFAULT_CACHE_SECONDS).range(0, 3600);
    static final Key RAMP_STEP = Key.integer("stepPercent", "Points of a group's traffic a step moves at most.").required()
            .range(1, 100);
    static final Key RAMP_EVERY = Key.integer("everySeconds", "Seconds between two steps of a group at least (0: every run;"
            + " a new instance waits this long before its first step).").dflt(60).range(0, 86400);
    static final Key RAMP_HEALTH = Key.bool("healthGate", "A step that raises a Service's share waits while most of its"
            + " backends are not normal in the CLB's health check (default true).").dflt(true);
    static final Key RAMP = Key.object("ramp", "Move each Service's share towards its weight annotation in steps, from what"
            + " the group holds now (off unless set).", RAMP_STEP, RAMP_EVERY, RAMP_HEALTH);
    static final Key RETIRED = Key.list("retiredOwnerIds", "Owner ids of clusters taken out of service: their backends in"
            + " every group visited go to weight 0, stay there drainSeconds, then leave.", Key.string("ownerId",
            "A retired cluster's owner id, as the backend descriptions carry it.").pattern("[A-Za-z0-9._-]{1,48}")
            .expecting("must be 1..48 letters, digits, '.', '_' or '-'"));
    static final Key LOAD_BALANCER_IDS = Key.list("loadBalancerIds", "CLBs whose vServer groups are all scanned, so that"
            + " a deleted Service's backends are cleaned up.", Key.string("loadBalancerId", "A CLB instance id.")
            .pattern(RESOURCE_ID).expecting("is not a CLB instance id"));
    static final Key ACCESS = Key.list("access", "Which load balancers clb-sync may write, and for which clusters and"
            + " namespaces. Without it, any namespace of any cluster can steer any CLB the credentials reach.",
            Key.object("rule", "One load balancer and who may use it.",
                    Key.string("loadBalancerId", "A load balancer clb-sync may write.").required().pattern(RESOURCE_ID)
                            .expecting("is not a load balancer id"),
                    Key.list("clusters", "Whose Services may use it (default: every cluster).",
                            Key.string("cluster", "A configured cluster's name.")),
                    Key.list("namespaces", "From which namespaces (default: every namespace).",
                            Key.string("namespace", "A namespace.").pattern(DNS_LABEL).expecting("is not a namespace name"))));
    static final Key NLB_ENDPOINT = endpoint("The NLB API endpoint; by default the network's (nlb-vpc.<region> in a VPC,"
            + " nlb.<region> else). http:// only to loopback (a local stand-in).");
    static final Key NLB_RATE_LIMITS = rateLimits(Quotas.NLB_ACTIONS);
    static final Key NLB_QUOTA_SHARE = Key.number("quotaShare", "The part of each NLB API quota clb-sync may use, (0, 1].")
            .dflt(1.0).above(0, 1);
    static final Key NLB_BATCH = Key.integer("batchSize", "Servers per NLB write call: 40 (the CCM's) unless set; the API"
            + " takes up to 200.").dflt(40).range(1, 200);
    static final Key NLB = Key.object("nlb", "The NLB API, for Services on an NLB (nlb-... ids, sgp-... server groups).",
            NLB_ENDPOINT, NLB_RATE_LIMITS, NLB_QUOTA_SHARE, NLB_BATCH);
    static final Key ACK = Key.object("ack", "The ACK API (kubeconfigs of clusters given by ackClusterId alone).",
            endpoint("The ACK API endpoint; by default the network's."));
    static final Key ECS = Key.object("ecs", "The ECS API (the ENIs of pods).", endpoint("The ECS API endpoint; by default"
            + " the network's."));

    static final Key NAME = Key.string("name", "A unique DNS label, used in messages and in the owner id.").required()
            .pattern(DNS_LABEL).expecting("must be a DNS label (lower-case letters, digits and '-', at most 63)");
    static final Key OWNER_ID = Key.string("ownerId", "The owner id written into backend descriptions; default"
            + " <name>.<the first 8 hex digits of the identity>. The ACK cluster id shares ownership with its CCM.")
            .pattern("[A-Za-z0-9._-]{1,48}").expecting("must be 1..48 letters, digits, '.', '_' or '-'");
    static final Key IDENTITY = Key.string("identity", "Which cluster this entry is: the UID of its kube-system"
            + " namespace, as clb-sync check prints it.").hidden()
            .pattern("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
            .expecting("not a cluster identity as `clb-sync check` prints it (the UID of its kube-system namespace:"
                    + " 8-4-4-4-12 hex digits)");
    static final Key ACK_CLUSTER_ID = Key.string("ackClusterId", "The ACK cluster id: matches ACK events and audit logs;"
            + " alone, a short-lived kubeconfig comes from the ACK API.").pattern("[a-z0-9]{1,64}")
            .expecting("is not an ACK cluster id (lower-case letters and digits)");
    static final Key SERVER = Key.string("server", "The API server, https://host:port (http:// only to loopback).").hidden();
    static final Key TOKEN = Key.string("token", "The service account's token (or tokenFile).").hidden();
    static final Key TOKEN_FILE = Key.string("tokenFile", "A file holding the token, re-read on every run.").hidden();
    static final Key CA = Key.string("certificateAuthorityData", "The API server's CA, base64 PEM as in a kubeconfig.")
            .hidden();
    static final Key KUBECONFIG = Key.string("kubeconfig", "A kubeconfig: a path, or its YAML inline (kubeconfig: |).")
            .hidden().expecting("must be a string (the kubeconfig as text, kubeconfig: |, or a path)");
    static final Key CONTEXT = Key.string("context", "The kubeconfig's context, else its current-context.");
    static final Key INSECURE = Key.bool("insecureSkipTlsVerify", "Skip verifying the API server's certificate"
            + " (warned about in every report).");
    static final Key TIMEOUT = Key.integer("timeoutSeconds", "The bound on reading this cluster.").dflt(30).range(1, 300);
    static final Key BACKEND_TYPE = Key.string("backendType", "The backends of Services without the backend-type"
            + " annotation: ecs (nodes, default) or eni (pods, on Terway).").dflt("ecs").oneOf(List.of("ecs", "eni"));
    static final Key CLUSTER = Key.object("cluster", "One cluster and how to reach its API server.", NAME, OWNER_ID,
            IDENTITY, ACK_CLUSTER_ID, SERVER, TOKEN, TOKEN_FILE, CA, KUBECONFIG, CONTEXT, INSECURE, TIMEOUT, BACKEND_TYPE);
    static final Key CLUSTERS = Key.list("clusters", "The clusters whose Services feed the groups.", CLUSTER).required();

    static final Key ROOT = Key.object("clb-sync", "The configuration of clb-sync.", REGION, NETWORK, CLB, NLB, WEIGHT_MODE,
            FAIL_OPEN, DRAIN_SECONDS, CACHE_SECONDS, RAMP, RETIRED, LOAD_BALANCER_IDS, ACCESS, CLUSTERS, ACK, ECS);

    private ConfigSchema() {
    }

    private static Key endpoint(String doc) {
        return Key.string("endpoint", doc).pattern(ENDPOINT).expecting("must be a host name, or http(s)://host[:port]");
    }

    private static Key rateLimits(java.util.Set<String> known) {
        Key[] actions = new TreeSet<>(known).stream().map(a -> Key.string(a, "The quota of " + a
                + " as calls/period, e.g. 90/60s (period in ms, s or m).").pattern("\\s*[1-9]\\d{0,5}\\s*/\\s*[1-9]\\d{0,4}\\s*(ms|s|m)\\s*")
                .expecting("is not calls/period like \"90/60s\" (ms, s or m)")).toArray(Key[]::new);
        return Key.object("rateLimits", "The account's API quota per action (writes default to 90/60s).", actions)
                .unknownKeysAre("not an action clb-sync calls (" + new TreeSet<>(known) + ")");
    }

    /** The JSON Schema (draft-07) of the configuration, as {@code src/deploy/clb-sync.schema.json} holds it. */
    static JsonObject jsonSchema() {
        JsonObject s = new JsonObject();
        s.addProperty("$schema", "http://json-schema.org/draft-07/schema#");
        s.addProperty("title", "clb-sync configuration");
        ROOT.toJsonSchema().entrySet().forEach(e -> s.add(e.getKey(), e.getValue()));
        return s;
    }

    /** {@link #jsonSchema()} as text, two-space indented, ending with a newline. */
    static String jsonSchemaText() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(jsonSchema()) + "\n";
    }
}
