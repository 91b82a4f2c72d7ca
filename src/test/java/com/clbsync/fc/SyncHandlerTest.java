package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.config.SyncConfig;
import com.clbsync.emulator.ApiCall;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.plan.Backend;
import com.clbsync.sync.ClusterClients;
import com.clbsync.sync.SyncFactory;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.MutableClock;
import com.clbsync.time.Deadline;
import com.clbsync.testing.World;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_1;
import static com.clbsync.testing.World.GROUP_2;
import static com.clbsync.testing.World.GROUP_3;
import static com.clbsync.testing.World.GROUP_4;
import static org.assertj.core.api.Assertions.assertThat;

/** Every sample in events/ through the handler, against in-process clusters and the CLB emulator. */
class SyncHandlerTest {
    static final String ACK_A = "c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5";
    static final String ACK_B = "d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4";
    static final ClbCredentials STS = ClbCredentials.of("STS.AKID", World.SECRET, "sts-token-1");

    private World world;
    private List<Map<String, String>> auditRecords;
    private boolean auditFails;
    private Deadline auditDeadline;
    private SyncHandler handler;
    private final StringWriter logs = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        world = new World();
        FakeCluster a = world.cluster("cluster-a").ackClusterId(ACK_A);
        FakeCluster b = world.cluster("cluster-b").ackClusterId(ACK_B);
        a.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30081);
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31081);
        b.service(FakeCluster.SEED.resolve("multi-port.yaml"), 31090, 31443);
        a.nodes("a", 2);
        b.nodes("b", 2);
        a.readyPods("default", "service-a", List.of("a-0"), true);
        SyncConfig config = world.config();
        handler = new SyncHandler(new InvocationService(config, ClusterClients.of(SyncFactory.readers(config), Map.of()),
                c -> SyncFactory.clbApi(config, c),
                (range, creds, deadline) -> {
                    auditDeadline = deadline;
                    if (auditFails) {
                        throw new java.io.IOException("connection refused");
                    }
                    return auditRecords;
                }));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonObject invoke(String event, ClbCredentials credentials) throws Exception {
        world.clb.clearCalls();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new LocalContext(credentials, new PrintWriter(logs)));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text + logs).doesNotContain(World.SECRET).doesNotContain("sts-token-1");
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private JsonObject invokeSample(String file) throws Exception {
        return invoke(Files.readString(Path.of("events", file)), STS);
    }

    private List<String> described() {
        return world.clb.calls().stream().filter(c -> c.action().equals("DescribeVServerGroupAttribute"))
                .map(c -> c.params().get("VServerGroupId")).sorted().collect(Collectors.toList());
    }

    @Test
    void theInvocationHasOneDeadlineFromTheFunctionsTimeLimitLessAReserveForTheReport() throws Exception {
        MutableClock clock = new MutableClock();
        Deadline d = SyncHandler.deadline(new LocalContext(STS, new PrintWriter(logs)), clock);
        assertThat(d.remaining()).isEqualTo(java.time.Duration.ofSeconds(108)); // 120 s less a tenth

        auditRecords = List.of();
        invokeSample("sls-audit.json");
        assertThat(auditDeadline).as("the audit-log pull is bounded by it").isNotNull();
        assertThat(auditDeadline.remaining()).isPositive().isLessThanOrEqualTo(java.time.Duration.ofSeconds(108));
    }

    @Test
    void timerReconcilesEverything() throws Exception {
        JsonObject r = invokeSample("timer.json");
        assertThat(r.getAsJsonObject("trigger").get("kind").getAsString()).isEqualTo("timer");
        assertThat(r.getAsJsonObject("trigger").get("scope").getAsString()).isEqualTo("full");
        assertThat(r.get("exitCode").getAsInt()).as(r.toString()).isZero();
        assertThat(described()).containsExactly(GROUP_1, GROUP_2, GROUP_3, GROUP_4);
        assertThat(world.group(GROUP_2)).hasSize(4);
        assertThat(logs.toString()).contains("INFO {\"group\":\"" + GROUP_1 + "\"");
    }

    /** The sample Service event, as if its change happened at {@code time}. */
    private String serviceEventAt(java.time.Instant time) throws Exception {
        JsonObject e = JsonParser.parseString(Files.readString(Path.of("events", "eventbridge-service.json"))).getAsJsonObject();
        e.addProperty("time", time.toString());
        return e.toString();
    }

    @Test
    void anEventOlderThanTheLastCleanFullRunIsAnsweredAtOnceWithoutReadsOrCalls() throws Exception {
        assertThat(invokeSample("timer.json").get("exitCode").getAsInt()).isZero();
        int k8sBefore = world.cluster("cluster-a").requestCount() + world.cluster("cluster-b").requestCount();

        JsonObject r = invoke(serviceEventAt(java.time.Instant.now().minusSeconds(60)), STS);

        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("covered by the clean run that"
                + " started at");
        assertThat(world.clb.calls()).isEmpty();
        assertThat(world.cluster("cluster-a").requestCount() + world.cluster("cluster-b").requestCount()).isEqualTo(k8sBefore);

        JsonObject newer = invoke(serviceEventAt(java.time.Instant.now().plusSeconds(60)), STS);
        assertThat(newer.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).doesNotContain("covered by");
        assertThat(world.cluster("cluster-a").requestCount() + world.cluster("cluster-b").requestCount())
                .as("the Service read again").isGreaterThan(k8sBefore);
        assertThat(newer.getAsJsonArray("notes").toString()).as("it had not changed since the clean run")
                .contains("nothing this event names has changed");
        // a change within the clocks' margin of the run's start is not taken as covered
        JsonObject close = invoke(serviceEventAt(java.time.Instant.now().minusSeconds(2)), STS);
        assertThat(close.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).doesNotContain("covered by");
    }

    @Test
    void aRunLessThanCleanCoversNothing() throws Exception {
        world.clb.failNext("AddVServerGroupBackendServers", 1, "Forbidden.RAM");
        assertThat(invokeSample("timer.json").get("exitCode").getAsInt()).isEqualTo(1);

        JsonObject r = invoke(serviceEventAt(java.time.Instant.now().minusSeconds(60)), STS);

        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).doesNotContain("covered by");
        assertThat(described()).containsExactly(GROUP_2);
    }

    @Test
    void aServiceEventVisitsOnlyItsGroups() throws Exception {
        JsonObject r = invokeSample("eventbridge-service.json");
        assertThat(r.getAsJsonObject("trigger").get("kind").getAsString()).isEqualTo("eventbridge");
        assertThat(r.getAsJsonObject("trigger").get("scope").getAsString()).isEqualTo("targeted");
        assertThat(described()).containsExactly(GROUP_2);
        // weights depend on every Service of the group: cluster B's side of GROUP_2 is written too
        assertThat(world.group(GROUP_2)).extracting(Backend::serverId).containsExactlyInAnyOrder("i-a-0", "i-a-1", "i-b-0", "i-b-1");
        assertThat(world.group(GROUP_1)).isEmpty();
    }

    @Test
    void dataDeliveredAsAJsonStringIsReadToo() throws Exception {
        JsonObject event = JsonParser.parseString(Files.readString(Path.of("events", "eventbridge-service.json"))).getAsJsonObject();
        event.addProperty("subject", "acs:cs:cn-hangzhou:1234567890123456:" + ACK_A); // no path: the data must tell
        event.addProperty("data", event.getAsJsonObject("data").toString());
        invoke(event.toString(), STS);
        assertThat(described()).containsExactly(GROUP_2);
    }

    @Test
    void aNodeEventVisitsEveryGroupOfItsCluster() throws Exception {
        invokeSample("eventbridge-node.json");
        assertThat(described()).containsExactly(GROUP_1, GROUP_2);
    }

    @Test
    void aBatchVisitsTheUnionAndResolvesEndpointSlicesToTheirService() throws Exception {
        JsonObject r = invokeSample("eventbridge-batch.json");
        assertThat(described()).containsExactly(GROUP_1, GROUP_2);
        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("EndpointSlice default/service-a-x7k2p");
    }

    @Test
    void aBatchOfThousandsOfLikeEventsGivesOneNoteWithItsCount() throws Exception {
        JsonArray batch = JsonParser.parseString(Files.readString(Path.of("events", "eventbridge-batch.json"))).getAsJsonArray();
        JsonArray storm = new JsonArray();
        for (int i = 0; i < 3000; i++) {
            storm.add(batch.get(0));
        }
        JsonArray notes = invoke(storm.toString(), STS).getAsJsonObject("trigger").getAsJsonArray("notes");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).getAsString()).endsWith("EndpointSlice default/service-a-x7k2p (3000 events)");
        assertThat(described()).containsExactly(GROUP_2);
    }

    @Test
    void anyEventShapeWithActionPlanIsPlannedNotApplied() throws Exception {
        Map<String, List<String>> groups = Map.of("timer.json", List.of(GROUP_1, GROUP_2, GROUP_3, GROUP_4),
                "eventbridge-service.json", List.of(GROUP_2), "eventbridge-batch.json", List.of(GROUP_1, GROUP_2));
        for (String sample : List.of("timer.json", "eventbridge-service.json", "eventbridge-batch.json")) {
            JsonElement event = JsonParser.parseString(Files.readString(Path.of("events", sample)));
            (event.isJsonArray() ? java.util.stream.StreamSupport.stream(event.getAsJsonArray().spliterator(), false)
                    : java.util.stream.Stream.of(event)).forEach(e -> e.getAsJsonObject().addProperty("action", "plan"));
            JsonObject r = invoke(event.toString(), STS);
            assertThat(r.get("mode").getAsString()).as(sample).isEqualTo("plan");
            assertThat(r.getAsJsonObject("trigger").get("action").getAsString()).as(sample).isEqualTo("plan");
            assertThat(world.writes()).as(sample).isZero();
            assertThat(described()).as(sample + ": the groups the event names, planned").containsExactlyElementsOf(groups.get(sample));
        }
        JsonObject bad = JsonParser.parseString(Files.readString(Path.of("events", "timer.json"))).getAsJsonObject();
        bad.addProperty("action", "destroy");
        assertThat(invoke(bad.toString(), STS).get("error").getAsString()).contains("must be \"plan\" or \"apply\"");
    }

    @Test
    void aCheckEventRunsThePreflightAndWritesNothing() throws Exception {
        JsonObject r = invoke("{\"action\": \"check\"}", STS);
        assertThat(r.get("mode").getAsString()).isEqualTo("check");
        assertThat(r.get("exitCode").getAsInt()).as(r.toString()).isZero();
        assertThat(r.getAsJsonArray("checks").toString()).contains("cluster cluster-a: list nodes?limit=1")
                .contains("DescribeVServerGroupAttribute");
        assertThat(world.writes()).isZero();
    }

    @Test
    void rawDataLooksTheObjectUpInEveryCluster() throws Exception {
        JsonObject r = invokeSample("eventbridge-rawdata.json");
        assertThat(described()).containsExactly(GROUP_2);
        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("every configured cluster");
    }

    @Test
    void anUnknownClusterOrKindIsANoOpWithAReason() throws Exception {
        JsonObject r = invokeSample("eventbridge-unknown-cluster.json");
        assertThat(world.clb.calls()).isEmpty();
        assertThat(r.get("exitCode").getAsInt()).isZero();
        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("ffffffffffffffffffffffffffffffff")
                .contains("not configured");

        String configMap = Files.readString(Path.of("events", "eventbridge-service.json"))
                .replace("\"kind\": \"Service\"", "\"kind\": \"ConfigMap\"");
        JsonObject cm = invoke(configMap, STS);
        assertThat(world.clb.calls()).isEmpty();
        assertThat(cm.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("ConfigMap event does not change backends");
    }

    @Test
    void anAuditLogTriggerNarrowsToTheWrittenObjects() throws Exception {
        Map<String, String> record = new com.google.gson.Gson().fromJson(
                Files.readString(Path.of("src", "test", "resources", "audit-log-record.json")),
                new com.google.gson.reflect.TypeToken<Map<String, String>>() { }.getType());
        Map<String, String> read = new java.util.HashMap<>(record);
        read.put("verb", "get");
        read.put("objectRef.name", "my-nginx-svc");
        read.put("objectRef.resource", "services");
        auditRecords = List.of(record, read);

        JsonObject r = invokeSample("sls-audit.json");

        assertThat(r.getAsJsonObject("trigger").get("kind").getAsString()).isEqualTo("sls");
        assertThat(described()).containsExactly(GROUP_2);
        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("2 audit records of cluster-a");
    }

    @Test
    void anAuditLogWithoutRelevantWritesIsANoOp() throws Exception {
        auditRecords = List.of(Map.of("verb", "get", "objectRef.resource", "services", "objectRef.name", "x"),
                Map.of("verb", "update", "objectRef.resource", "configmaps", "objectRef.name", "x"));
        JsonObject r = invokeSample("sls-audit.json");
        assertThat(world.clb.calls()).isEmpty();
        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("nothing to do");
    }

    @Test
    void whenThePullFailsTheWholeClusterIsReconciledAndSaid() throws Exception {
        auditFails = true;
        JsonObject r = invokeSample("sls-audit.json");
        assertThat(described()).containsExactly(GROUP_1, GROUP_2);
        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString())
                .contains("could not pull the audit records").contains("whole cluster cluster-a");
    }

    @Test
    void theRealLogServiceClientFallsBackWhenTheEndpointIsUnreachable() throws Exception {
        SyncConfig config = world.config();
        SyncHandler real = new SyncHandler(new InvocationService(config, ClusterClients.of(SyncFactory.readers(config), Map.of()),
                c -> SyncFactory.clbApi(config, c), new SlsAuditLogSource("cn-hangzhou.log.aliyuncs.com")));
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String event = Files.readString(Path.of("events", "sls-audit.json"))
                .replace("http://cn-hangzhou-intranet.log.aliyuncs.com", "http://127.0.0.1:" + closed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        real.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new LocalContext(STS, new PrintWriter(logs)));
        JsonObject r = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(r.getAsJsonObject("trigger").getAsJsonArray("notes").toString()).contains("reconciling the whole cluster cluster-a");
        assertThat(r.get("scope").getAsString()).contains("cluster-a");
        assertThat(out.toString(StandardCharsets.UTF_8) + logs).doesNotContain(World.SECRET);
    }

    @Test
    void manualPlanWritesNothingAndManualApplyTargetsServices() throws Exception {
        JsonObject plan = invokeSample("manual-plan.json");
        assertThat(plan.get("mode").getAsString()).isEqualTo("plan");
        assertThat(described()).containsExactly(GROUP_1, GROUP_2, GROUP_3, GROUP_4);
        assertThat(world.writes()).isZero();

        JsonObject apply = invokeSample("manual-apply-service.json");
        assertThat(apply.get("mode").getAsString()).isEqualTo("apply");
        assertThat(described()).containsExactly(GROUP_2);
        assertThat(world.group(GROUP_2)).hasSize(4);
    }

    @Test
    void malformedAndUnknownEventsChangeNothingAndNameTheAcceptedShapes() throws Exception {
        for (String bad : List.of("not json", "{\"hello\":1}", "[]", "42", "{\"action\":\"destroy\"}",
                "{\"action\":\"apply\",\"clusters\":[\"nope\"]}", "{\"action\":\"apply\",\"services\":[\"no-slash\"]}",
                "{\"source\":\"acs.cs\",\"subject\":\"garbage\"}",
                "{\"source\":{\"logstoreName\":\"audit-" + ACK_A + "\",\"shardId\":\"zero\"}}")) {
            JsonObject r = invoke(bad, STS);
            assertThat(r.get("exitCode").getAsInt()).as(bad).isEqualTo(2);
            assertThat(r.get("changed").getAsBoolean()).isFalse();
            assertThat(world.clb.calls()).as(bad).isEmpty();
        }
        assertThat(invoke("{\"hello\":1}", STS).get("error").getAsString()).contains("timer trigger").contains("EventBridge")
                .contains("Log Service").contains("manual");
    }

    @Test
    void missingCredentialsChangeNothing() throws Exception {
        JsonObject r = invoke(Files.readString(Path.of("events", "timer.json")), null);
        assertThat(r.get("exitCode").getAsInt()).isEqualTo(2);
        assertThat(r.get("error").getAsString()).contains("no execution credentials");
        assertThat(world.clb.calls()).isEmpty();
    }

    @Test
    void expiredCredentialsFailEveryGroupWithoutWriting() throws Exception {
        world.clb.expireSecurityToken("sts-token-1");
        JsonObject r = invokeSample("timer.json");
        assertThat(r.get("exitCode").getAsInt()).isEqualTo(1);
        assertThat(r.toString()).contains("InvalidSecurityToken.Expired");
        assertThat(world.writes()).isZero();

        JsonObject fresh = invoke(Files.readString(Path.of("events", "timer.json")),
                ClbCredentials.of("STS.AKID2", World.SECRET, "sts-token-2"));
        assertThat(fresh.get("exitCode").getAsInt()).as(fresh.toString()).isZero();
        assertThat(world.clb.calls().stream().map(ApiCall::action)).contains("AddVServerGroupBackendServers");
    }
}
