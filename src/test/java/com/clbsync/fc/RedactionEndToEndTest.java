package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.SyncFactory;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
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
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CLB answer that echoes the gateway's string to sign, with the AccessKey id and the STS token in it:
 * neither reaches the function's output, its log lines or any Kubernetes Event. Global mode.
 */
class RedactionEndToEndTest {
    private static final String AKID = "STS.NUgYrLnoC37mZZCNnAbez2Rgz";
    private static final String TOKEN = "CAIS8AF1q6Ft5B2yfSjIr5bkKtLRsepr";
    private static final ClbCredentials STS = ClbCredentials.of(AKID, World.SECRET, TOKEN);
    private World world;
    private FakeCluster a;

    @BeforeEach
    void start() throws Exception {
        world = new World();
        a = world.cluster("cluster-a");
        a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30081);
        a.nodes("a", 2);
        a.readyPods("default", "service-a", List.of("a-0", "a-1"), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void anEchoedStringToSignLeavesNoCredentialInTheReportTheLogsOrAnEvent() throws Exception {
        world.clb.failNext("DescribeVServerGroupAttribute", 1, "SignatureDoesNotMatch", "Specified signature is not matched"
                + " with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D" + AKID + "%26Action%3D"
                + "DescribeVServerGroupAttribute%26SecurityToken%3D" + TOKEN + "%26SignatureMethod%3DHMAC-SHA1");
        SyncConfig config = world.config();
        SyncHandler handler = new SyncHandler(new InvocationService(config, SyncFactory.clusters(config),
                c -> SyncFactory.clbApi(config, c), (range, creds, deadline) -> List.of()));
        StringWriter logs = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events", "timer.json"))), out,
                new LocalContext(STS, new PrintWriter(logs)));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("SignatureDoesNotMatch").contains("[string to sign removed]");
        String events = a.events("default").stream().map(e -> e.getMessage()).collect(Collectors.joining("\n"));
        assertThat(events).contains("SignatureDoesNotMatch");
        for (String text : List.of(report, logs.toString(), events)) {
            assertThat(text).doesNotContain(AKID).doesNotContain(TOKEN).doesNotContain(World.SECRET);
        }
    }
}
