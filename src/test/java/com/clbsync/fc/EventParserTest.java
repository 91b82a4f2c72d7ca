package com.clbsync.fc;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.sync.ObjectKind;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncScope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each event shape read into its trigger, from the samples in {@code events/} and plain JSON; no I/O beyond the files. */
class EventParserTest {
    private static final String ACK_A = "c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5";
    private static final SyncConfig CONFIG = SyncConfig.of("cn-hangzhou", "", WeightMode.GLOBAL, List.of(), List.of(
            ClusterConfig.builder("cluster-a").ackClusterId(ACK_A).server("https://10.0.0.1:6443").token("t").build(),
            ClusterConfig.builder("cluster-b").server("https://10.0.0.2:6443").token("t").build()));
    private final EventParser parser = new EventParser(CONFIG);

    private Trigger parse(String json) throws EventException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private Trigger sample(String file) throws Exception {
        return parser.parse(Files.readAllBytes(Path.of("events", file)));
    }

    @Test
    void aTimerReconcilesEverythingAtItsTriggerTime() throws Exception {
        Trigger t = sample("timer.json");
        assertThat(t.kind()).isEqualTo(TriggerKind.TIMER);
        assertThat(t.apply()).isTrue();
        assertThat(t.scope().isFull()).isTrue();
        assertThat(t.time()).isPresent();
    }

    @Test
    void anAckServiceEventNamesItsServiceInItsCluster() throws Exception {
        Trigger t = sample("eventbridge-service.json");
        assertThat(t.kind()).isEqualTo(TriggerKind.EVENTBRIDGE);
        assertThat(t.scope()).isEqualTo(SyncScope.targeted(List.of(), List.of(
                ObjectRef.of("cluster-a", ObjectKind.SERVICE, "default", "service-a"))));
        assertThat(t.time()).contains(Instant.parse("2026-11-27T04:01:02Z"));
    }

    @Test
    void aBatchIsTheUnionOfItsEventsAndTheTimeOfItsLatest() throws Exception {
        Trigger t = sample("eventbridge-batch.json");
        assertThat(t.kind()).isEqualTo(TriggerKind.EVENTBRIDGE);
        assertThat(t.scope().isEmpty()).isFalse();
        assertThat(t.scope().objects().size() + t.scope().clusters().size()).isGreaterThan(1);
    }

    @Test
    void rawDataIsLookedUpInEveryCluster() throws Exception {
        Trigger t = sample("eventbridge-rawdata.json");
        assertThat(t.scope().objects()).extracting(ObjectRef::cluster).containsExactlyInAnyOrder("cluster-a", "cluster-b");
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("every configured cluster"));
    }

    @Test
    void anEventOfAnUnconfiguredClusterIsANoOpWithItsReason() throws Exception {
        Trigger t = sample("eventbridge-unknown-cluster.json");
        assertThat(t.scope().isEmpty()).isTrue();
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("not configured"));
    }

    @Test
    void aLogServiceTriggerCarriesItsRangeButNeverItsEndpoint() throws Exception {
        Trigger t = sample("sls-audit.json");
        assertThat(t.kind()).isEqualTo(TriggerKind.SLS);
        assertThat(t.auditCluster()).isEqualTo("cluster-a");
        assertThat(t.auditRange()).hasValueSatisfying(r -> {
            assertThat(r.logstore()).isEqualTo("audit-" + ACK_A);
            assertThat(r.toString()).doesNotContain("log.aliyuncs.com");
        });
        assertThat(t.scope()).as("the whole cluster until the records are read")
                .isEqualTo(SyncScope.targeted(List.of("cluster-a"), List.of()));
    }

    @Test
    void manualEventsPlanApplyOrCheck() throws Exception {
        assertThat(sample("manual-plan.json").apply()).isFalse();
        Trigger apply = sample("manual-apply-service.json");
        assertThat(apply.kind()).isEqualTo(TriggerKind.MANUAL);
        assertThat(apply.apply()).isTrue();
        assertThat(parse("{\"action\":\"check\"}").kind()).isEqualTo(TriggerKind.CHECK);
        assertThat(parse("{\"action\":\"apply\",\"clusters\":[\"cluster-b\"]}").scope())
                .isEqualTo(SyncScope.targeted(List.of("cluster-b"), List.of()));
    }

    @Test
    void theActionIsReadOnceForEveryShape() throws Exception {
        assertThat(parse("{\"triggerTime\":\"2026-11-27T04:00:00Z\",\"triggerName\":\"t\",\"action\":\"plan\"}").apply()).isFalse();
        String ack = "{\"source\":\"acs.cs\",\"subject\":\"acs:cs:r:1:" + ACK_A + "/api/v1/nodes/n1\",\"action\":\"plan\"}";
        assertThat(parse(ack).apply()).isFalse();
        assertThat(parse("[" + ack + "," + ack.replace(",\"action\":\"plan\"", "") + "]").apply())
                .as("a batch is planned only when every element says so").isTrue();
        assertThat(parser.parse("{\"triggerTime\":\"x\",\"triggerName\":\"t\"}".getBytes(StandardCharsets.UTF_8), true).apply())
                .as("invoke --plan").isFalse();
        assertThat(parser.parse("{\"action\":\"apply\"}".getBytes(StandardCharsets.UTF_8), true).apply()).isFalse();
    }

    @Test
    void aMissingFieldAndAnEmptyOneAreNotTheSame() throws Exception {
        assertThatThrownBy(() -> parse("{\"triggerTime\":\"x\",\"triggerName\":\"t\",\"action\":\"\"}"))
                .isInstanceOf(EventException.class).hasMessageContaining("action \"\" must be \"plan\" or \"apply\"");
        assertThat(parse("{\"triggerTime\":\"x\",\"triggerName\":\"t\"}").apply()).isTrue();
        assertThat(parse("{\"triggerTime\":\"\",\"triggerName\":\"\"}").time()).as("an empty time is none").isEmpty();
    }

    @Test
    void badEventsAreNamedNeverGuessed() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(EventException.class).hasMessageStartingWith("the event is not JSON");
        assertThatThrownBy(() -> parse("{\"hello\":1}")).isInstanceOf(EventException.class)
                .hasMessageStartingWith("the event has no accepted shape").hasMessageContaining(EventParser.ACCEPTED);
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(EventException.class).hasMessageStartingWith("an empty batch");
        assertThatThrownBy(() -> parse("{\"action\":\"apply\",\"clusters\":[\"nope\"]}")).isInstanceOf(EventException.class)
                .hasMessage("clusters: \"nope\" is not a configured cluster");
        assertThatThrownBy(() -> parse("{\"action\":\"apply\",\"services\":[\"no-namespace\"]}")).isInstanceOf(EventException.class)
                .hasMessage("services: \"no-namespace\" must be namespace/name");
        assertThatThrownBy(() -> parse("{\"triggerTime\":\"x\",\"triggerName\":\"t\",\"action\":\"check\"}"))
                .isInstanceOf(EventException.class).hasMessageContaining("outside a manual event");
        assertThatThrownBy(() -> parse("{\"source\":\"acs.cs\",\"subject\":\"nonsense\"}")).isInstanceOf(EventException.class)
                .hasMessageStartingWith("subject \"nonsense\" is not acs:cs:");
    }
}
