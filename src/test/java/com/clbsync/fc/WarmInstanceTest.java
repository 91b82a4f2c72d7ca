package com.clbsync.fc;

import com.clbsync.clb.CallListener;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.ClbException;
import com.clbsync.clb.VServerGroup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.SyncConfig;
import com.clbsync.plan.Backend;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.sync.ClusterClients;
import com.clbsync.sync.SyncFactory;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import com.clbsync.time.Deadline;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.api.model.Service;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What one run leaves behind in a warm instance never makes a later run wrong: a plan, or a run that
 * ends in an exception, leaves the warm state doubtful, so the next applied event reads and syncs for
 * real. Global mode (the default): service-a's weight moves the whole group's shares.
 */
class WarmInstanceTest {
    private static final ClbCredentials STS = ClbCredentials.of("STS.AKID", World.SECRET, "sts-token-1");
    private World world;
    private FakeCluster a;
    private SyncHandler handler;
    private final AtomicBoolean breakNextDescribe = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        world = new World();
        a = world.cluster("cluster-a").ackClusterId(SyncHandlerTest.ACK_A);
        FakeCluster b = world.cluster("cluster-b").ackClusterId(SyncHandlerTest.ACK_B);
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30081); // weight 20
        b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31081); // weight 80
        a.nodes("a", 2);
        b.nodes("b", 2);
        a.readyPods("default", "service-a", List.of("a-0", "a-1"), true);
        b.readyPods("default", "service-b", List.of("b-0", "b-1"), true);
        SyncConfig config = world.config();
        handler = new SyncHandler(new InvocationService(config, ClusterClients.of(SyncFactory.readers(config), Map.of()),
                c -> breaking(SyncFactory.clbApi(config, c)), (range, creds, deadline) -> List.of()));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** The real client, but the describe after {@link #breakNextDescribe} throws as a bug would, once. */
    private VServerGroupApi breaking(VServerGroupApi real) {
        return new VServerGroupApi() {
            @Override public int batchSize(String groupId) { return real.batchSize(groupId); }
            @Override public VServerGroup describe(String groupId) throws ClbException {
                if (breakNextDescribe.getAndSet(false)) {
                    throw new LinkageError("a bug between the read and the end of the run");
                }
                return real.describe(groupId);
            }
            @Override public List<VServerGroup> groupsOf(String lb) throws ClbException { return real.groupsOf(lb); }
            @Override public void add(String g, List<Backend> b) throws ClbException { real.add(g, b); }
            @Override public void remove(String g, List<Backend> b) throws ClbException { real.remove(g, b); }
            @Override public void setWeights(String g, List<Backend> b) throws ClbException { real.setWeights(g, b); }
            @Override public VServerGroupApi within(Deadline d, CallListener calls) { return breaking(real.within(d, calls)); }
        };
    }

    private JsonObject invoke(String event) throws Exception {
        world.clb.clearCalls();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new LocalContext(STS, new PrintWriter(new StringWriter())));
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static String timer() throws Exception {
        return Files.readString(Path.of("events", "timer.json"));
    }

    /** The sample event about service-a, its change after every run so far; planned or applied. */
    private static String serviceAEvent(boolean apply) throws Exception {
        JsonObject e = JsonParser.parseString(Files.readString(Path.of("events", "eventbridge-service.json"))).getAsJsonObject();
        e.addProperty("time", Instant.now().plusSeconds(30).toString());
        e.addProperty("action", apply ? "apply" : "plan");
        return e.toString();
    }

    private void reweightServiceA(String weight) throws Exception {
        Service s = a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30081);
        s.getMetadata().getAnnotations().put(LbAnnotations.PREFIX + "weight", weight);
        a.service(s, 30081);
    }

    @Test
    void aPlanOfAnEventDoesNotBlindTheApplyOfTheSameEvent() throws Exception {
        assertThat(invoke(timer()).get("exitCode").getAsInt()).isZero();
        assertThat(world.share(GROUP_2, "i-a")).isEqualTo(0.2);
        reweightServiceA("50"); // 50 beside 80

        JsonObject plan = invoke(serviceAEvent(false));
        assertThat(plan.get("mode").getAsString()).isEqualTo("plan");
        assertThat(world.writes()).isZero();

        JsonObject apply = invoke(serviceAEvent(true));
        assertThat(apply.get("exitCode").getAsInt()).as(apply.toString()).isZero();
        assertThat(apply.toString()).doesNotContain("nothing this event names has changed");
        assertThat(world.writes()).as("the apply writes the change the plan showed").isPositive();
        assertThat(world.share(GROUP_2, "i-a")).isBetween(50 / 130.0 - 0.005, 50 / 130.0 + 0.005);
    }

    @Test
    void aRunThatEndsInAnExceptionDoesNotBlindTheNextEvent() throws Exception {
        assertThat(invoke(timer()).get("exitCode").getAsInt()).isZero();
        reweightServiceA("50");

        breakNextDescribe.set(true);
        assertThatThrownBy(() -> invoke(serviceAEvent(true))).hasMessageContaining("a bug between the read and the end");
        assertThat(world.writes()).isZero();

        JsonObject again = invoke(serviceAEvent(true));
        assertThat(again.get("exitCode").getAsInt()).as(again.toString()).isZero();
        assertThat(again.toString()).doesNotContain("nothing this event names has changed").doesNotContain("covered by");
        assertThat(world.share(GROUP_2, "i-a")).isBetween(50 / 130.0 - 0.005, 50 / 130.0 + 0.005);
    }
}
