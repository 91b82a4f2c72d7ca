package com.clbsync.bench;

import com.clbsync.fc.SyncHandler;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Prints the time from {@code java -jar target/clb-sync.jar invoke} start to the report, for a small
 * configuration (two clusters, one group, three nodes each, against the in-process stand-ins), beside a
 * bare JVM start on the same machine, with peak RSS and the jar's size; and the same run on Function
 * Compute's own path ({@link FcStandIn}: the handler's {@code initialize} and {@code handleRequest}, no
 * command line).
 *
 * <pre>mvn -q -DskipTests clean package && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clbsync.bench.ColdStartBenchmark</pre>
 */
public final class ColdStartBenchmark {
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // the emulator's JDK HTTP server, without delayed ACKs
        Path jar = Path.of("target", "clb-sync.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -q -DskipTests clean package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (World world = new World()) {
            StringBuilder clusters = new StringBuilder();
            for (String name : List.of("a", "b")) {
                FakeCluster c = world.cluster("cluster-" + name);
                c.service(FakeCluster.SEED.resolve("my-nginx-svc.yaml"), 30080);
                c.nodes(name, 3);
                clusters.append(c.configYaml());
            }
            Path config = Files.createTempFile("clb-sync-bench", ".yaml");
            Files.writeString(config, "region: cn-hangzhou\nclb:\n  endpoint: " + world.clb.endpoint() + "\nclusters:\n" + clusters);
            String event = Path.of("events", "timer.json").toString();

            System.out.printf("jar: %.1f MB, JVM: %s %s, %d runs each (median / min wall time, max peak RSS)%n",
                    Files.size(jar) / 1e6, System.getProperty("java.vm.name"), System.getProperty("java.version"), RUNS);
            List<String> flags = FunctionFlags.fromSYaml();
            List<String> bare = new ArrayList<>(List.of(java));
            bare.addAll(flags);
            bare.add("-version");
            Map<String, String> none = Map.of();
            long jvm = report("bare JVM start, the function's flags (java -version)", bare, none);
            report("invoke timer event, default JVM flags", List.of(java, "-jar", jar.toString(), "invoke", "--config",
                    config.toString(), "--event", event), none);
            List<String> invoke = new ArrayList<>(List.of(java));
            invoke.addAll(flags);
            invoke.addAll(List.of("-jar", jar.toString(), "invoke", "--config", config.toString(), "--event", event));
            long function = report("invoke timer event, the function's flags (s.yaml)", invoke, none);
            List<String> fc = new ArrayList<>(List.of(java));
            fc.addAll(flags);
            fc.addAll(List.of("-cp", jar + File.pathSeparator + Path.of("target", "test-classes"), FcStandIn.class.getName(), event));
            long handler = report("FC's path: initialize + handleRequest, no command line", fc,
                    Map.of(SyncHandler.ENV_CONFIG_FILE, config.toString()));
            System.out.printf("invoke with the function's flags: %.1f x a bare JVM's start (median %d ms / %d ms); flags %s%n",
                    (double) function / Math.max(1, jvm), function, jvm, flags);
            System.out.printf("FC's path with the function's flags: %.1f x a bare JVM's start (median %d ms)%n",
                    (double) handler / Math.max(1, jvm), handler);
            Files.delete(config);
        }
    }

    /** Runs the command {@link #RUNS} times, prints its figures and returns the median wall time in ms. */
    private static long report(String label, List<String> command, Map<String, String> env) throws Exception {
        List<Long> millis = new ArrayList<>();
        long peakKb = 0;
        for (int i = 0; i < RUNS; i++) {
            List<String> timed = new ArrayList<>();
            boolean gnuTime = new File("/usr/bin/time").canExecute();
            if (gnuTime) {
                timed.addAll(List.of("/usr/bin/time", "-f", "peak-rss-kb=%M"));
            }
            timed.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(timed).redirectErrorStream(true);
            pb.environment().put("ALIBABA_CLOUD_ACCESS_KEY_ID", "bench");
            pb.environment().put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "bench-secret");
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (exit != 0) {
                throw new IllegalStateException(label + " exited " + exit + ":\n" + out);
            }
            int at = out.lastIndexOf("peak-rss-kb=");
            if (at >= 0) {
                peakKb = Math.max(peakKb, Long.parseLong(out.substring(at + 12).trim()));
            }
        }
        Collections.sort(millis);
        System.out.printf("%-62s %6d ms / %6d ms   %s%n", label, millis.get(millis.size() / 2), millis.get(0),
                peakKb == 0 ? "" : String.format("%.0f MB", peakKb / 1024.0));
        return millis.get(millis.size() / 2);
    }
}
