package com.clbsync.sync;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.kube.ClusterReadException;
import com.clbsync.kube.ClusterReader;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeNode;
import com.clbsync.model.Refresh;
import com.clbsync.plan.ClusterView;
import com.clbsync.testing.MutableClock;
import com.clbsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterReadsTest {
    private final ExecutorService pool = Pools.reads(2);
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger fullReads = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    /** Read by the reader on the read pool's threads. */
    private volatile boolean refreshFails;
    private volatile String identity = "0a1b2c3d-0000-4000-8000-000000000001";

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A cluster of one node whose targeted reads can be made to fail (a 410, an error). */
    private final ClusterReader reader = new ClusterReader() {
        @Override public ClusterSnapshot read() {
            fullReads.incrementAndGet();
            return ClusterSnapshot.of(List.of(), List.of(), List.of(KubeNode.ready("n1", "cn-hangzhou.i-1"))).withIdentity(identity);
        }

        @Override public ClusterSnapshot refresh(ClusterSnapshot base, Refresh what) throws ClusterReadException {
            refreshes.incrementAndGet();
            if (refreshFails) {
                throw new ClusterReadException("list endpointslices of default/web: HTTP 410");
            }
            return base;
        }
    };

    @Test
    void aClusterThatDoesNotSayWhichItIsIsFrozen() {
        identity = "";
        SyncConfig config = SyncConfig.of("cn-hangzhou", "", WeightMode.GLOBAL, List.of(), List.of(ClusterConfig.builder("a").build()));
        ClusterReads.Outcome read = new ClusterReads(config, Map.of("a", reader), pool, new SnapshotCache()).read(SyncScope.full(),
                Deadline.at(clock.instant().plus(Duration.ofMinutes(1)), clock));
        List<ClusterView> views = read.views;
        List<ClusterReport> reports = read.reports;
        assertThat(views).isEmpty();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.frozen()).isTrue();
            assertThat(r.reason()).contains("did not say which cluster it is");
        });
    }

    @Test
    void aClusterReadIsNamedByItsIdentityAndOwnsUnderTheOwnerItDerives() {
        SyncConfig config = SyncConfig.of("cn-hangzhou", "", WeightMode.GLOBAL, List.of(), List.of(ClusterConfig.builder("a").build()));
        ClusterReads.Outcome read = new ClusterReads(config, Map.of("a", reader), pool, new SnapshotCache()).read(SyncScope.full(),
                Deadline.at(clock.instant().plus(Duration.ofMinutes(1)), clock));
        List<ClusterView> views = read.views;
        List<ClusterReport> reports = read.reports;
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.identity()).isEqualTo(identity);
            assertThat(r.ownerId()).isEqualTo("a.0a1b2c3d");
        });
        assertThat(views).singleElement().extracting(ClusterView::ownerId).isEqualTo("a.0a1b2c3d");
    }

    private List<ClusterReport> read(ClusterReads reads, SyncScope scope) {
        return reads.read(scope, Deadline.at(clock.instant().plus(Duration.ofMinutes(1)), clock)).reports;
    }

    @Test
    void aFailedTargetedReadReadsTheClusterInFullAtOnce() {
        SyncConfig config = SyncConfig.of("cn-hangzhou", "", WeightMode.GLOBAL, List.of(), List.of(ClusterConfig.builder("a").build()));
        ClusterReads reads = new ClusterReads(config, Map.of("a", reader), pool, new SnapshotCache());
        SyncScope event = SyncScope.targeted(List.of(), List.of(ObjectRef.of("a", ObjectKind.SERVICE, "default", "web")));

        read(reads, SyncScope.full());
        assertThat(read(reads, event)).extracting(ClusterReport::source).singleElement().asString().startsWith("snapshot 0 s old");
        assertThat(fullReads).hasValue(1);

        refreshFails = true;
        assertThat(read(reads, event)).extracting(ClusterReport::source).containsExactly("full read");
        assertThat(refreshes).hasValue(2);
        assertThat(fullReads).hasValue(2);
    }

    @Test
    void aReadTheRunStoppedWaitingForIsCancelledForReal() throws Exception {
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        ClusterReader hung = new ClusterReader() {
            @Override public ClusterSnapshot read() throws ClusterReadException {
                try {
                    cancelled.await(); // a call that only ends when its client cancels it
                    throw new ClusterReadException("list nodes: Canceled");
                } catch (InterruptedException e) {
                    throw new ClusterReadException("interrupted");
                } finally {
                    ended.countDown();
                }
            }

            @Override public void cancel() {
                cancelled.countDown();
            }
        };
        SyncConfig config = SyncConfig.of("cn-hangzhou", "", WeightMode.GLOBAL, List.of(),
                List.of(ClusterConfig.builder("a").timeoutSeconds(1).build()));
        ClusterReads reads = new ClusterReads(config, Map.of("a", hung), pool, new SnapshotCache());

        List<ClusterReport> reports = reads.read(SyncScope.full(), Deadline.in(Duration.ofMinutes(1))).reports;

        assertThat(reports).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("not read within 1 s"));
        assertThat(ended.await(2, java.util.concurrent.TimeUnit.SECONDS)).as("the read ended, not left running").isTrue();
    }
}
