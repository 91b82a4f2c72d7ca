package com.clbsync.cli;

import com.clbsync.plan.Backend;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as users script it: output, --json and exit codes. */
class MainTest {
    private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "AKID",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET", World.SECRET);

    @TempDir
    Path dir;
    private World world;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        world = new World();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private int run(Map<String, String> env, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path config(FakeCluster... clusters) throws Exception {
        // the emulator has no quota: a configuration file sets the writes' pace far above the real one
        StringBuilder yaml = new StringBuilder("region: cn-hangzhou\nclb:\n  endpoint: " + world.clb.endpoint()
                + "\n  rateLimits: {AddVServerGroupBackendServers: 1000/1s, SetVServerGroupAttribute: 1000/1s,"
                + " RemoveVServerGroupBackendServers: 1000/1s}\nclusters:\n");
        for (FakeCluster c : clusters) {
            yaml.append(c.configYaml());
        }
        Path file = dir.resolve("clb-sync.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void withJsonConfigurationErrorsComeOutAsJson() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "region: nowhere\nclusters: []\n");
        assertThat(run(ENV, "plan", "--json", "--config", cfg.toString())).isEqualTo(2);
        JsonObject json = JsonParser.parseString(out).getAsJsonObject();
        assertThat(json.get("exitCode").getAsInt()).isEqualTo(2);
        assertThat(json.getAsJsonArray("errors").toString()).contains("region:").contains("clusters:");
        assertThat(run(Map.of(), "apply", "--json", "--config", config(world.cluster("cluster-a")).toString())).isEqualTo(2);
        assertThat(JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("errors").get(0).getAsString())
                .startsWith("CLB credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID");
    }

    @Test
    void invokeRunsSeveralEventsInOneInstanceEachWithItsCostAndCoversTheOlderOnes() throws Exception {
        FakeCluster a = world.cluster("cluster-a").ackClusterId("c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30081);
        a.nodes("a", 2);
        StringBuilder yaml = new StringBuilder("region: cn-hangzhou\nclb:\n  endpoint: " + world.clb.endpoint()
                + "\nclusters:\n" + a.configYaml() + "    ackClusterId: c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5\n");
        Path cfg = dir.resolve("warm.yaml");
        Files.writeString(cfg, yaml);

        assertThat(run(ENV, "invoke", "--config", cfg.toString(), "--event", "events/timer.json",
                "--event", "events/eventbridge-service.json")).as(out + err).isZero();

        java.util.List<JsonObject> reports = new java.util.ArrayList<>();
        com.google.gson.stream.JsonReader reader = new com.google.gson.stream.JsonReader(new java.io.StringReader(out));
        reader.setLenient(true);
        while (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
            reports.add(JsonParser.parseReader(reader).getAsJsonObject());
        }
        assertThat(reports).hasSize(2);
        JsonObject timer = reports.get(0).getAsJsonObject("invocation");
        assertThat(timer.get("event").getAsString()).isEqualTo("events/timer.json");
        assertThat(timer.get("kubernetesRequests").getAsLong())
                .as("list services, endpointslices, nodes; get kube-system (which cluster); create the Service's"
                        + " SyncedBackends Event (its UID from the list)")
                .isEqualTo(5);
        assertThat(timer.get("clbCalls").getAsInt()).isPositive();
        assertThat(timer.get("durationMillis").getAsLong()).isNotNegative();
        // the service event's change (its sample time) happened before the timer's clean run started
        JsonObject event = reports.get(1).getAsJsonObject("invocation");
        assertThat(event.get("kubernetesRequests").getAsLong()).isZero();
        assertThat(event.get("clbCalls").getAsInt()).isZero();
        assertThat(reports.get(1).getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("covered by");
    }

    @Test
    void checkPrintsEachCheckAndExitsZeroOnlyWhenAllPass() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        a.nodes("a", 1);
        Path cfg = config(a);
        assertThat(run(ENV, "check", "--config", cfg.toString())).as(out + err).isZero();
        assertThat(out).contains("OK    cluster cluster-a: list nodes?limit=1").contains("result: every check passed");
        a.unreachable(true);
        Path broken = config(a);
        assertThat(run(ENV, "check", "--json", "--config", broken.toString())).isEqualTo(1);
        assertThat(JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("checks").toString()).contains("\"fix\"");
        assertThat(world.writes()).isZero();
    }

    @Test
    void withoutACommandItListsTheCommandsAndExitsTwo() {
        assertThat(run(ENV)).isEqualTo(2);
        assertThat(err).contains("Commands:").contains("plan ").contains("apply ").contains("invoke ").contains("demo ")
                .contains("check ");
    }

    @Test
    void planAndApplyEachSayWhatTheyDoAndEveryCommandKnowsItsVersion() {
        assertThat(run(ENV, "plan", "--help")).isZero();
        assertThat(out).contains("Writes nothing.").doesNotContain("prints what it changed");
        assertThat(run(ENV, "apply", "--help")).isZero();
        assertThat(out).contains("prints what it changed").doesNotContain("Writes nothing.");
        for (String command : new String[] {"plan", "apply", "invoke", "check", "demo"}) {
            assertThat(run(ENV, command, "-V")).as(command).isZero();
            assertThat(out).as(command).isEqualToIgnoringNewLines("clb-sync 0.1.0");
        }
    }

    @Test
    void applySyncsAndExitsZeroThenPlanShowsNothingToDo() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 2);
        Path cfg = config(a);

        assertThat(run(ENV, "apply", "--config", cfg.toString())).as(out + err).isZero();
        assertThat(out).contains("group " + World.GROUP_1).contains("synced").contains("added 2");
        assertThat(world.group(World.GROUP_1)).extracting(Backend::serverId).containsExactlyInAnyOrder("i-a-0", "i-a-1");

        world.clb.clearCalls();
        assertThat(run(ENV, "plan", "--config", cfg.toString())).isZero();
        assertThat(out).contains("in sync").contains("result: everything planned");
        assertThat(world.writes()).isZero();
        assertThat(out + err).doesNotContain(World.SECRET).doesNotContain(a.token());
    }

    @Test
    void onTheCommandLineARampWaitsItsIntervalUnlessRampNowTakesTheStep() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        FakeCluster b = world.cluster("cluster-b");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080); // 20
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080); // 80
        a.nodes("a", 2);
        b.nodes("b", 2);
        a.readyPods("default", "service-a", java.util.List.of("a-0", "a-1"), true);
        b.readyPods("default", "service-b", java.util.List.of("b-0", "b-1"), true);
        Path cfg = config(a, b);
        assertThat(run(ENV, "apply", "--config", cfg.toString())).as(out + err).isZero();
        Files.writeString(cfg, Files.readString(cfg) + "ramp: {stepPercent: 10, everySeconds: 3600}\n");
        io.fabric8.kubernetes.api.model.Service zero = a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        zero.getMetadata().getAnnotations().put(com.clbsync.plan.LbAnnotations.PREFIX + "weight", "0");
        a.service(zero, 30080); // all of the traffic to B: a 20-point move

        world.clb.clearCalls();
        assertThat(run(ENV, "apply", "--config", cfg.toString())).as(out + err).isZero();
        assertThat(out).contains("waiting: the next step may come at");
        assertThat(world.writes()).isZero();
        assertThat(world.share(World.GROUP_2, "i-a")).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.005));

        assertThat(run(ENV, "apply", "--ramp-now", "--config", cfg.toString())).as(out + err).isZero();
        assertThat(world.share(World.GROUP_2, "i-a")).as("one step of 10 points").isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void jsonCarriesTheSameReport() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 1);

        assertThat(run(ENV, "plan", "--json", "--config", config(a).toString())).isZero();

        JsonObject json = JsonParser.parseString(out).getAsJsonObject();
        assertThat(json.get("mode").getAsString()).isEqualTo("plan");
        assertThat(json.get("exitCode").getAsInt()).isZero();
        JsonObject group = json.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertThat(group.get("groupId").getAsString()).isEqualTo(World.GROUP_1);
        assertThat(group.get("status").getAsString()).isEqualTo("WOULD_CHANGE");
        assertThat(group.getAsJsonArray("added").get(0).getAsJsonObject().get("serverId").getAsString()).isEqualTo("i-a-0");
        assertThat(json.getAsJsonArray("clusters").get(0).getAsJsonObject().get("frozen").getAsBoolean()).isFalse();
    }

    @Test
    void exitsOneWhenAClusterIsFrozen() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 1);
        Path cfg = config(a);
        a.close();

        assertThat(run(ENV, "apply", "--config", cfg.toString())).isEqualTo(1);
        assertThat(out).contains("cluster-a: FROZEN").contains("result: incomplete");
    }

    @Test
    void exitsTwoOnBadConfigurationNamingEveryField() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "region: cn-hangzhou\nclusters:\n  - name: a\n    server: nope\n    token: sekrit-token-value\n"
                + "  - name: b\n    kubeconfig: /does/not/exist\n");
        assertThat(run(ENV, "apply", "--config", cfg.toString())).isEqualTo(2);
        assertThat(err).contains("clusters[0].server:").contains("clusters[1].kubeconfig:").doesNotContain("sekrit-token-value");
        assertThat(world.clb.calls()).isEmpty();
    }

    @Test
    void aBrokenInlineKubeconfigIsAConfigurationErrorThatQuotesNoToken() throws Exception {
        Path cfg = dir.resolve("kc.yaml");
        Files.writeString(cfg, "region: cn-hangzhou\nclusters:\n  - name: a\n    kubeconfig: |\n      apiVersion: v1\n"
                + "      users: [{name: u, user: {token: leaked-token-value}}]\n      contexts: [oops: : ]\n");
        assertThat(run(ENV, "plan", "--config", cfg.toString())).isEqualTo(2);
        assertThat(err).contains("clusters[0].kubeconfig").doesNotContain("leaked-token-value");
    }

    @Test
    void exitsTwoWithoutCredentialsOrOnUsageErrors() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        Path cfg = config(a);
        assertThat(run(Map.of(), "plan", "--config", cfg.toString())).isEqualTo(2);
        assertThat(err).contains("ALIBABA_CLOUD_ACCESS_KEY_ID");
        assertThat(run(ENV, "plan")).isEqualTo(2);
        assertThat(err).contains("--config");
        assertThat(run(ENV, "frobnicate")).isEqualTo(2);
        assertThat(run(ENV, "plan", "--config", cfg.toString(), "--manifests", "x")).isEqualTo(2);
        assertThat(err).contains("Value for option '--manifests'").doesNotContain("option option");
        assertThat(run(ENV, "apply", "--config", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err).contains("missing.yaml: does not exist");
    }

    @Test
    void invokeRunsTheHandlerOnAnEventFile() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.nodes("a", 2);
        Path cfg = config(a);

        assertThat(run(ENV, "invoke", "--plan", "--config", cfg.toString(), "--event", "events/timer.json")).isEqualTo(0);
        assertThat(JsonParser.parseString(out).getAsJsonObject().get("mode").getAsString()).isEqualTo("plan");
        assertThat(world.group(World.GROUP_1)).as("--plan writes nothing").isEmpty();

        assertThat(run(ENV, "invoke", "--config", cfg.toString(), "--event", "events/timer.json")).as(out + err).isZero();
        JsonObject json = JsonParser.parseString(out).getAsJsonObject();
        assertThat(json.getAsJsonObject("trigger").get("kind").getAsString()).isEqualTo("timer");
        assertThat(json.get("mode").getAsString()).isEqualTo("apply");
        assertThat(world.group(World.GROUP_1)).hasSize(2);
        assertThat(err).contains("INFO {\"group\":\"" + World.GROUP_1 + "\"");

        assertThat(run(Map.of(), "invoke", "--config", cfg.toString(), "--event", "events/timer.json")).isEqualTo(2);
        assertThat(err).contains("CLB credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET")
                .doesNotContain("RAM role");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"what\": 1}");
        assertThat(run(ENV, "invoke", "--config", cfg.toString(), "--event", bad.toString())).isEqualTo(2);
        assertThat(out).contains("accepted events");
        assertThat(run(ENV, "invoke", "--config", cfg.toString(), "--event", dir.resolve("none.json").toString())).isEqualTo(2);
    }

    @Test
    void planReadsAClusterFromManifestsForWhatIfPlanning() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        Path cfg = config(a);
        a.close(); // the API server is gone: only the manifests speak for the cluster
        Path manifests = Files.createDirectory(dir.resolve("cluster-a"));
        Files.copy(FakeCluster.SEED.resolve("service-a.yaml"), manifests.resolve("svc.yaml"));
        Files.writeString(manifests.resolve("svc.yaml"), Files.readString(manifests.resolve("svc.yaml"))
                .replace("    targetPort: 80", "    targetPort: 80\n    nodePort: 30080"));
        Files.writeString(manifests.resolve("nodes.yaml"), "apiVersion: v1\nkind: List\nitems:\n"
                + "- {apiVersion: v1, kind: Node, metadata: {name: n1}, spec: {providerID: cn-hangzhou.i-n1},"
                + " status: {conditions: [{type: Ready, status: 'True'}]}}\n");
        Files.writeString(manifests.resolve("kube-system.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system,"
                + " uid: " + a.identity() + "}\n"); // kubectl get namespace kube-system -o yaml: which cluster this is

        assertThat(run(ENV, "plan", "--config", cfg.toString(), "--manifests", "cluster-a=" + manifests)).as(out + err).isZero();
        assertThat(out).contains("group " + World.GROUP_2).contains("+ i-n1:30080");
        assertThat(world.writes()).isZero();

        assertThat(run(ENV, "plan", "--config", cfg.toString(), "--manifests", "nope=" + manifests)).isEqualTo(2);
        assertThat(err).contains("no cluster nope");
    }

    @Test
    void invokeWithATimeoutReturnsTheReportInTimeThoughTheEventApiIsSlow() throws Exception {
        try (com.clbsync.testing.BenchApiServer api = com.clbsync.testing.BenchApiServer.start()) {
            api.delay("/events", java.time.Duration.ofSeconds(60));
            for (String name : java.util.List.of("web", "api")) {
                api.put("services", "default/" + name, "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{"
                        + "\"name\":\"" + name + "\",\"namespace\":\"default\",\"uid\":\"u-" + name + "\",\"annotations\":{"
                        + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id\":\"" + World.LB + "\","
                        + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-vgroup-port\":\""
                        + (name.equals("web") ? World.GROUP_1 : World.GROUP_3) + ":80\"}},\"spec\":{\"type\":\"NodePort\","
                        + "\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":8080,\"nodePort\":"
                        + (name.equals("web") ? 30080 : 30081) + "}]}}", null);
            }
            api.put("nodes", "n1", "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"},"
                    + "\"spec\":{\"providerID\":\"cn-hangzhou.i-n1\"},\"status\":{\"conditions\":[{\"type\":\"Ready\","
                    + "\"status\":\"True\"}]}}", null);
            Path cfg = dir.resolve("slow-events.yaml");
            Files.writeString(cfg, "region: cn-hangzhou\nclb:\n  endpoint: " + world.clb.endpoint() + "\nclusters:\n"
                    + "  - name: cluster-a\n    server: " + api.url() + "\n    token: t-slow\n    timeoutSeconds: 30\n");

            long start = System.nanoTime();
            int code = run(ENV, "invoke", "--config", cfg.toString(), "--event", "events/timer.json", "--timeout", "12");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(code).as(out + err).isZero();
            assertThat(millis).as("the report within the function's 12 s").isLessThan(12_000);
            assertThat(world.group(World.GROUP_1)).hasSize(1);
            assertThat(out).contains("did not answer within").contains("no more Events in this cluster this run")
                    .contains("an earlier Event in this cluster timed out");
        }
        assertThat(run(ENV, "invoke", "--config", "x.yaml", "--event", "events/timer.json", "--timeout", "1")).isEqualTo(2);
        assertThat(err).contains("--timeout 1: must be 3 to 86400 seconds");
    }

    @Test
    void policyPrintsTheRamPolicyScopedToTheLoadBalancersAccessLists() throws Exception {
        Path cfg = dir.resolve("access.yaml");
        Files.writeString(cfg, "region: cn-shanghai\naccess:\n  - {loadBalancerId: lb-one}\n  - {loadBalancerId: lb-two}\n"
                + "clusters:\n  - {name: a, ackClusterId: c0ffee00, server: 'https://k:6443', token: t}\n  - {name: b, ackClusterId: beef01}\n");

        assertThat(run(Map.of(), "policy", "--config", cfg.toString(), "--account", "1234567890123456")).isZero();

        com.google.gson.JsonObject policy = JsonParser.parseString(out).getAsJsonObject();
        assertThat(policy.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonArray("Resource").toString())
                .isEqualTo("[\"acs:slb:cn-shanghai:1234567890123456:loadbalancer/lb-one\","
                        + "\"acs:slb:cn-shanghai:1234567890123456:loadbalancer/lb-two\"]");
        assertThat(out).contains("acs:cs:cn-shanghai:1234567890123456:cluster/beef01")
                .doesNotContain("cluster/c0ffee00\"").contains("logstore/audit-c0ffee00").contains("logstore/audit-beef01");
        assertThat(err).isEmpty();

        Path open = dir.resolve("open.yaml");
        Files.writeString(open, "region: cn-shanghai\nclusters:\n  - {name: a, server: 'https://k:6443', token: t}\n");
        assertThat(run(Map.of(), "policy", "--config", open.toString())).isZero();
        assertThat(out).contains("acs:slb:cn-shanghai:*:loadbalancer/*");
        assertThat(err).contains("no access list");
        assertThat(run(Map.of(), "policy", "--config", open.toString(), "--account", "me")).isEqualTo(2);
    }

    @Test
    void applyWithManifestsIsAUsageErrorAndWritesNothing() throws Exception {
        FakeCluster a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
        a.nodes("a", 2);
        Path cfg = config(a);
        Path manifests = Files.createDirectory(dir.resolve("old-dump"));
        Files.writeString(manifests.resolve("nodes.yaml"), "apiVersion: v1\nkind: List\nitems: []\n");
        int before = a.requestCount();

        assertThat(run(ENV, "apply", "--config", cfg.toString(), "--manifests", "cluster-a=" + manifests)).isEqualTo(2);
        assertThat(err).contains("--manifests is for plan only");
        assertThat(world.clb.calls()).as("no CLB call at all").isEmpty();
        assertThat(a.requestCount()).as("no cluster read").isEqualTo(before);
        assertThat(run(ENV, "apply", "--json", "--config", cfg.toString(), "--manifests", "cluster-a=" + manifests))
                .isEqualTo(2);
        assertThat(out).contains("\"exitCode\": 2").contains("plan only");
    }

    @Test
    void demoRunsOffline() {
        assertThat(run(Map.of(), "demo")).isZero();
        assertThat(out).contains("== Step 1.").contains("== Step 5.");
        assertThat(run(Map.of(), "demo", "--help")).isZero();
        assertThat(out).contains("Scenario 1").contains("failover");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(run(ENV, "--help")).isZero();
        assertThat(out).contains("plan").contains("apply").contains("invoke").contains("demo").contains("Exit codes");
        assertThat(run(ENV, "apply", "--help")).isZero();
        assertThat(out).contains("--config").contains("--json");
    }
}
