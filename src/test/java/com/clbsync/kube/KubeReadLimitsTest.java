package com.clbsync.kube;

import com.clbsync.config.ClusterConfig;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.testing.BenchApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** client-java at the edges of a read: an expired continue token, a read the run stopped waiting for. */
class KubeReadLimitsTest {
    private BenchApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = BenchApiServer.start();
        for (int n = 0; n < 1_200; n++) { // three pages of 500
            server.put("nodes", "n" + n, "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n" + n + "\"},"
                    + "\"spec\":{\"providerID\":\"cn-hangzhou.i-" + n + "\"}}", null);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private KubeClusterReader reader() throws Exception {
        return new KubeClusterReader(KubeClients.create(ClusterConfig.builder("c").server(server.url()).token("t")
                .timeoutSeconds(30).build()));
    }

    @Test
    void aListWhoseContinueTokenExpiredIsListedAgainOnceFromTheStart() throws Exception {
        server.expireContinues(1);
        long before = server.requests();

        ClusterSnapshot s = reader().read();

        assertThat(s.nodes()).hasSize(1_200).extracting(n -> n.name()).doesNotHaveDuplicates();
        // services 1 + slices 1 + nodes: page 1, page 2 refused, then pages 1, 2, 3 again; the identity 1
        assertThat(server.requests() - before).isEqualTo(2 + 5 + 1);
    }

    @Test
    void aSecondExpiryInTheSameListIsAFailureNotALoop() throws Exception {
        server.expireContinues(2);
        assertThatThrownBy(() -> reader().read()).isInstanceOfSatisfying(ClusterReadException.class,
                e -> assertThat(e.kind()).isEqualTo(ClusterReadException.Kind.EXPIRED));
    }

    @Test
    void cancelEndsAHungReadAtOnce() throws Exception {
        server.delay("/nodes", Duration.ofSeconds(20));
        KubeClusterReader reader = reader();
        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.read();
            } catch (ClusterReadException e) {
                return e;
            }
        });
        Thread.sleep(500); // the nodes list is in flight

        long start = System.nanoTime();
        reader.cancel();
        Object outcome = read.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOf(ClusterReadException.class);
    }
}
