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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Peak heap of one FC instance, in its own JVM with the function's flags as s.yaml sets them (heap
 * included), for a cold timer run over (a) two clusters of 5,000 real-sized Nodes (about 10 KB each:
 * labels, annotations, conditions, 25 images) and (b) one cluster whose first page of Services holds
 * 500 Services with 250 KB of annotations each (a tenant's blobs): 125 MB of JSON in one page.
 * The API servers and the CLB emulator run in this JVM, not in the instance's.
 *
 * <pre>mvn -q -DskipTests clean package && mvn -q test-compile && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clbsync.bench.MemoryBenchmark</pre>
 * ({@code -Dexec.args=path/to/other.jar} measures another build, e.g. the code before a change)
 */
public final class MemoryBenchmark {
    static final int NODES = 5_000;
    static final int BIG_SERVICES = 500;
    static final int ANNOTATION_BYTES = 250_000;
    static final String LB = "lb-bench000000000000001";

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/clb-sync.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -q -DskipTests clean package");
        }
        List<String> flags = FunctionFlags.fromSYaml();
        System.out.println("instance flags (s.yaml JAVA_TOOL_OPTIONS): " + String.join(" ", flags) + "; jar " + jar);
        System.out.printf("%-52s %9s %9s %10s %6s%n", "cold timer run", "wall", "peak heap", "k8s bytes", "exit");
        try (ClbEmulator clb = ClbEmulator.start()) {
            for (int g = 0; g < EventStormBenchmark.GROUPS; g++) {
                clb.createGroup(LB, EventStormBenchmark.group(g));
            }
            List<BenchApiServer> nodes = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                BenchApiServer s = BenchApiServer.start();
                for (int n = 0; n < NODES; n++) {
                    s.put("nodes", BenchObjects.nodeName(c, n), BenchObjects.node(c, n), null);
                }
                s.put("services", "ns-00/svc-0000", BenchObjects.service(c, 0, 50), null);
                nodes.add(s);
            }
            run(clb, jar, flags, nodes, String.format(Locale.ROOT, "2 clusters x %,d real-sized Nodes", NODES));
            nodes.forEach(BenchApiServer::close);

            BenchApiServer big = BenchApiServer.start();
            String blob = "x".repeat(ANNOTATION_BYTES);
            for (int i = 0; i < BIG_SERVICES; i++) {
                String svc = BenchObjects.service(0, i, 50);
                // a tenant's annotation of 250 KB beside the load balancer's
                svc = svc.replace("\"annotations\":{", "\"annotations\":{\"example.com/blob\":\"" + blob + "\",");
                big.put("services", BenchObjects.namespace(i) + "/" + BenchObjects.serviceName(i), svc, null);
            }
            for (int n = 0; n < 10; n++) {
                big.put("nodes", BenchObjects.nodeName(0, n), BenchObjects.node(0, n), null);
            }
            run(clb, jar, flags, List.of(big), String.format(Locale.ROOT, "a page of %d Services x %d KB of annotations",
                    BIG_SERVICES, ANNOTATION_BYTES / 1000));
            big.close();
        }
    }

    private static void run(ClbEmulator clb, Path jar, List<String> flags, List<BenchApiServer> servers, String label)
            throws Exception {
        Path dir = Files.createTempDirectory("clb-sync-memory");
        StringBuilder config = new StringBuilder("region: cn-hangzhou\nclb:\n  endpoint: " + clb.endpoint() + "\nclusters:\n");
        for (int c = 0; c < servers.size(); c++) {
            config.append("  - name: c").append(c).append("\n    server: ").append(servers.get(c).url())
                    .append("\n    token: bench-token\n    timeoutSeconds: 120\n");
        }
        Path cfg = dir.resolve("config.yaml");
        Files.writeString(cfg, config);
        Path timer = dir.resolve("timer.json");
        Files.writeString(timer, "{\"triggerTime\":\"" + Instant.now() + "\",\"triggerName\":\"every-minute\",\"payload\":\"\"}");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", jar + File.pathSeparator + Path.of("target", "test-classes"),
                WarmInstance.class.getName(), cfg.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("ALIBABA_CLOUD_ACCESS_KEY_ID", "bench");
        pb.environment().put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "bench-secret");
        Process instance = pb.start();
        long bytes = servers.stream().mapToLong(BenchApiServer::bytes).sum();
        try (BufferedReader from = new BufferedReader(new InputStreamReader(instance.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter to = new PrintWriter(instance.getOutputStream(), true, StandardCharsets.UTF_8)) {
            to.println(timer);
            String line = from.readLine();
            if (line == null) {
                System.out.printf("%-52s the instance ended (exit %d): out of memory?%n", label, instance.waitFor());
                return;
            }
            com.google.gson.JsonObject j = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
            System.out.printf(Locale.ROOT, "%-52s %6d ms %6d MB %7.1f MB %6d%n", label, j.get("ms").getAsLong(),
                    j.get("heapMb").getAsLong(), (servers.stream().mapToLong(BenchApiServer::bytes).sum() - bytes) / 1e6,
                    j.get("exit").getAsInt());
        }
        instance.waitFor();
    }
}
