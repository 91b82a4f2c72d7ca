package com.clbsync.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The threads a run uses: bounded pools of daemon threads, so a stuck call never holds up the JVM or grows them. */
final class Pools {
    /** Threads for the cluster reads: two per cluster (a read the run stopped waiting for is cancelled, not left to run). */
    static final int READ_THREADS_PER_CLUSTER = 2;

    private Pools() {
    }

    /**
     * A bounded pool for the reads of {@code clusters} clusters: a read beyond it waits in the queue (and
     * its cluster's time bound still counts), never a new thread per stuck read.
     */
    static ExecutorService reads(int clusters) {
        int threads = Math.max(2, READ_THREADS_PER_CLUSTER * clusters);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("clb-sync-read"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
