package com.clbsync.bench;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ConfigLoader;
import com.clbsync.fc.LocalContext;
import com.clbsync.fc.InvocationService;
import com.clbsync.fc.SyncHandler;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Function Compute instance for {@link EventStormBenchmark}, in its own JVM (started with the
 * function's flags and heap): the handler built once, then each event file named on standard input
 * run in turn, as FC delivers queued events to one instance; one JSON line out per event with its
 * duration, the Kubernetes requests and CLB calls it made, the peak heap while it ran, and whether
 * an earlier run covered it.
 */
public final class WarmInstance {
    private WarmInstance() {
    }

    public static void main(String[] args) throws Exception {
        InvocationService service = InvocationService.forConfig(ConfigLoader.load(Path.of(args[0])));
        SyncHandler handler = new SyncHandler(service);
        ClbCredentials credentials = ClbCredentials.fromEnvironment(System.getenv()).orElseThrow();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter log = new PrintWriter(new StringWriter());
        for (String line; (line = in.readLine()) != null; ) {
            byte[] event = Files.readAllBytes(Path.of(line.trim()));
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long k8s = service.kubernetesRequests();
            long start = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext(credentials, log));
            long ms = (System.nanoTime() - start) / 1_000_000;
            JsonObject r = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            JsonObject line2 = new JsonObject();
            line2.addProperty("ms", ms);
            line2.addProperty("k8s", service.kubernetesRequests() - k8s);
            line2.addProperty("clb", r.has("clbCalls") ? r.get("clbCalls").getAsInt() : 0);
            line2.addProperty("heapMb", peak / (1024 * 1024));
            line2.addProperty("exit", r.has("exitCode") ? r.get("exitCode").getAsInt() : -1);
            line2.addProperty("covered", r.has("trigger") && r.getAsJsonObject("trigger").toString().contains("covered by"));
            System.out.println(line2);
            System.out.flush();
        }
    }
}
