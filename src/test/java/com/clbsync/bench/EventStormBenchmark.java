package com.clbsync.bench;

import com.clbsync.emulator.ClbEmulator;
import com.clbsync.testing.BenchApiServer;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Event storms and big clusters. Two clusters of 2,000 real-sized Nodes (labels, annotations, images,
 * conditions: about 10 KB each) with 3,000 Services and EndpointSlices each, 10 vServer groups shared by
 * both (a Local Service of each cluster per group), served by in-process API servers; the CLB is the
 * emulator. One FC instance runs in its own JVM with the function's flags as s.yaml sets them
 * ({@link FunctionFlags}: heap, GC, JIT) and the handler's code path, events fed to it one after
 * another as FC delivers them. Prints, for a cold timer run, warm timer runs (nothing changed, one
 * Service changed: only the changes since the snapshot are read; a compacted history: a full read), a
 * warm Service event, a warm EndpointSlice event and a storm of 200 queued events after one rollout:
 * wall time, Kubernetes requests and bytes read, CLB calls, peak heap; and the warm timer runs' bytes
 * and wall time as a share of the full read's.
 *
 * <pre>mvn -q -DskipTests clean package && mvn -q test-compile && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clbsync.bench.EventStormBenchmark</pre>
 * ({@code -Dexec.args=0}: {@code cacheSeconds: 0}, every event reads everything, as before the snapshots)
 */
public final class EventStormBenchmark {
    static final int NODES = 2_000;
    static final int SERVICES = 3_000;
    static final int GROUPS = 10;
    static final String LB = "lb-bench000000000000001";
    private static final String[] CLUSTER_IDS = {"c0bench0000000000000000000000000", "c1bench0000000000000000000000000"};

    private final List<BenchApiServer> servers = new ArrayList<>();
    private final Path dir;
    private BufferedReader fromInstance;
    private PrintWriter toInstance;

    private EventStormBenchmark(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path jar = Path.of("target", "clb-sync.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -q -DskipTests clean package");
        }
        Path dir = Files.createTempDirectory("clb-sync-storm");
        try (ClbEmulator clb = ClbEmulator.start()) {
            new EventStormBenchmark(dir).run(clb, jar, args.length > 0 ? Integer.parseInt(args[0]) : 60);
        }
    }

    /** @param cacheSeconds the configuration's; 0 shows how every event read everything before the snapshots */
    private void run(ClbEmulator clb, Path jar, int cacheSeconds) throws Exception {
        for (int g = 0; g < GROUPS; g++) {
            clb.createGroup(LB, group(g));
        }
        long stored = 0;
        StringBuilder config = new StringBuilder("region: cn-hangzhou\ncacheSeconds: " + cacheSeconds + "\nclb:\n  endpoint: "
                + clb.endpoint() + "\nclusters:\n");
        for (int c = 0; c < 2; c++) {
            BenchApiServer s = BenchApiServer.start();
            servers.add(s);
            stored += BenchObjects.fill(s, c);
            config.append("  - name: c").append(c).append("\n    server: ").append(s.url()).append("\n    token: bench-token\n")
                    .append("    ackClusterId: ").append(CLUSTER_IDS[c]).append("\n    timeoutSeconds: 120\n");
        }
        Path cfg = dir.resolve("config.yaml");
        Files.writeString(cfg, config);
        System.out.printf("2 clusters x (%,d Nodes, %,d Services, %,d EndpointSlices): %.1f MB of objects served; %d shared"
                + " groups%n", NODES, SERVICES, SERVICES, stored / 1e6, GROUPS);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(FunctionFlags.fromSYaml());
        command.add("-Dsun.net.httpserver.nodelay=true");
        String extra = System.getenv("BENCH_JVM_ARGS"); // e.g. -Xmx128m, or a flight recording with -Xlog:jfr+startup=error (its notice would end up among the reports)
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", jar + File.pathSeparator + Path.of("target", "test-classes"),
                WarmInstance.class.getName(), cfg.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("ALIBABA_CLOUD_ACCESS_KEY_ID", "bench");
        pb.environment().put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "bench-secret");
        Process instance = pb.start();
        fromInstance = new BufferedReader(new InputStreamReader(instance.getInputStream(), StandardCharsets.UTF_8));
        toInstance = new PrintWriter(instance.getOutputStream(), true, StandardCharsets.UTF_8);

        System.out.printf("%-34s %9s %9s %10s %9s %9s  %s%n", "run", "wall", "k8s req", "k8s bytes", "CLB calls", "peak heap",
                "notes");
        Result cold = invoke("cold timer run", timer());
        Result warm = invoke("warm timer run, nothing changed", timer());
        servers.get(0).put("services", "ns-00/svc-0002", BenchObjects.service(0, 2, 40), null); // weight 30 -> 40
        Result one = invoke("warm timer run, one Service changed", timer());
        servers.forEach(s -> s.compactHistory(true));
        servers.get(0).put("services", "ns-00/svc-0002", BenchObjects.service(0, 2, 30), null); // and back
        Result full = invoke("warm timer run, full read (410)", timer());
        servers.forEach(s -> s.compactHistory(false));
        invoke("warm timer run, resumed again", timer());
        System.out.printf(Locale.ROOT, "warm timer runs against a full read: nothing changed %.3f%% of the bytes, %.0f%% of the"
                + " wall time; one Service changed %.3f%% of the bytes, %.0f%% of the wall time%n", 100.0 * warm.bytes / full.bytes,
                100.0 * warm.ms / full.ms, 100.0 * one.bytes / full.bytes, 100.0 * one.ms / full.ms);

        servers.get(0).put("services", "ns-00/svc-0003", BenchObjects.service(0, 3, 40), null); // weight 30 -> 40
        invoke("warm Service event", event(0, "Service", "ns-00", "svc-0003", Instant.now()));

        BenchObjects.moveSlice(servers.get(0), 0, 4, 1);
        invoke("warm EndpointSlice event", event(0, "EndpointSlice", "ns-00", BenchObjects.sliceName(4), Instant.now()));

        if (cacheSeconds == 0) {
            System.out.println("storm skipped: with cacheSeconds 0 each of its events reads both clusters in full");
            toInstance.close();
            instance.waitFor();
            servers.forEach(BenchApiServer::close);
            return;
        }
        // one rollout of svc-0005: its pods replaced within two seconds, 200 EndpointSlice events queued meanwhile
        BenchObjects.moveSlice(servers.get(0), 0, 5, 7);
        Instant rollout = Instant.now();
        List<Path> storm = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            storm.add(event(0, "EndpointSlice", "ns-00", BenchObjects.sliceName(5), rollout.plusMillis(10L * i)));
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), rollout.plusSeconds(2)).toMillis()));
        Result all = null;
        long start = System.nanoTime();
        int quiet = 0;
        for (Path e : storm) {
            Result r = send(e);
            quiet += r.clb == 0 ? 1 : 0;
            all = all == null ? r : all.plus(r);
        }
        long stormMs = (System.nanoTime() - start) / 1_000_000;
        print("storm: 200 queued events", new Result(stormMs, all.k8s, all.bytes, all.clb, all.heapMb, false, all.exit),
                quiet + " answered without a CLB call; " + String.format(Locale.ROOT, "%.2f", stormMs / (double) warm.ms)
                        + " x a warm timer run");
        toInstance.close();
        instance.waitFor();
        servers.forEach(BenchApiServer::close);
        System.out.printf("cold run includes the first apply (%d CLB calls) and the instance's JIT warm-up%n", cold.clb);
    }

    private Result invoke(String label, Path event) throws Exception {
        Result r = send(event);
        print(label, r, r.covered ? "covered by an earlier run" : r.exit == 0 ? "" : "exit " + r.exit);
        return r;
    }

    private Result send(Path event) throws Exception {
        long req = servers.stream().mapToLong(BenchApiServer::requests).sum();
        long bytes = servers.stream().mapToLong(BenchApiServer::bytes).sum();
        toInstance.println(event);
        String line = fromInstance.readLine();
        if (line == null) {
            throw new IllegalStateException("the instance ended");
        }
        com.google.gson.JsonObject j = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
        return new Result(j.get("ms").getAsLong(), servers.stream().mapToLong(BenchApiServer::requests).sum() - req,
                servers.stream().mapToLong(BenchApiServer::bytes).sum() - bytes, j.get("clb").getAsInt(),
                j.get("heapMb").getAsLong(), j.get("covered").getAsBoolean(), j.get("exit").getAsInt());
    }

    private static void print(String label, Result r, String notes) {
        System.out.printf(Locale.ROOT, "%-34s %6d ms %9d %7.1f MB %9d %6d MB  %s%n", label, r.ms, r.k8s, r.bytes / 1e6, r.clb,
                r.heapMb, notes);
    }

    private Path timer() throws Exception {
        Path p = Files.createTempFile(dir, "timer", ".json");
        Files.writeString(p, "{\"triggerTime\":\"" + Instant.now() + "\",\"triggerName\":\"every-minute\",\"payload\":\"\"}");
        return p;
    }

    private Path event(int cluster, String kind, String namespace, String name, Instant time) throws Exception {
        String resource = kind.equals("Service") ? "services" : "endpointslices";
        String json = "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"source\":\"acs.cs\",\"specversion\":\"1.0\","
                + "\"type\":\"cs:k8s:ServiceRelatedEvent\",\"subject\":\"acs:cs:cn-hangzhou:1234567890123456:"
                + CLUSTER_IDS[cluster] + "/apis/v1/namespaces/" + namespace + "/" + resource + "/" + name + "\",\"time\":\""
                + time + "\",\"datacontenttype\":\"application/json\",\"aliyunregionid\":\"cn-hangzhou\",\"data\":{"
                + "\"involvedObject\":{\"kind\":\"" + kind + "\",\"namespace\":\"" + namespace + "\",\"name\":\"" + name + "\"},"
                + "\"reason\":\"Updated\",\"type\":\"Normal\"}}";
        Path p = Files.createTempFile(dir, "event", ".json");
        Files.writeString(p, json);
        return p;
    }

    static String group(int g) {
        return String.format("rsp-bench%014d", g);
    }

    /** One invocation's figures. */
    private static final class Result {
        final long ms;
        final long k8s;
        final long bytes;
        final int clb;
        final long heapMb;
        final boolean covered;
        final int exit;

        Result(long ms, long k8s, long bytes, int clb, long heapMb, boolean covered, int exit) {
            this.ms = ms;
            this.k8s = k8s;
            this.bytes = bytes;
            this.clb = clb;
            this.heapMb = heapMb;
            this.covered = covered;
            this.exit = exit;
        }

        Result plus(Result o) {
            return new Result(ms + o.ms, k8s + o.k8s, bytes + o.bytes, clb + o.clb, Math.max(heapMb, o.heapMb),
                    covered && o.covered, Math.max(exit, o.exit));
        }
    }
}
