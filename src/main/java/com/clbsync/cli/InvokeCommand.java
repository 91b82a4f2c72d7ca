package com.clbsync.cli;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ConfigException;
import com.clbsync.config.ConfigLoader;
import com.clbsync.config.SyncConfig;
import com.clbsync.fc.LocalContext;
import com.clbsync.fc.InvocationService;
import com.clbsync.fc.SyncHandler;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code invoke}: runs the Function Compute handler's own code path locally on an event file. */
@Command(mixinStandardHelpOptions = true,
        description = "Runs the function's handler on an event (timer, EventBridge, Log Service or manual; see events/)"
                + " with a local context whose credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/_SECURITY_TOKEN,"
                + " and prints the handler's output. Logs go to standard error.")
final class InvokeCommand implements Callable<Integer> {
    /** What an invocation gets unless --timeout says otherwise. */
    static final int DEFAULT_TIMEOUT_SECONDS = SyncHandler.FUNCTION_TIMEOUT_SECONDS;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ConfigOption config;

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "The event, as the trigger would"
            + " send it. Several run in order in one instance, as the function would run them: each gets its report.")
    List<Path> events;

    @Option(names = "--plan", description = "Plan the event's scope instead of applying it: nothing is written"
            + " (the same as \"action\": \"plan\" in the event).")
    boolean plan;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Run each event as a function with this time"
            + " limit, as Function Compute would (default: " + DEFAULT_TIMEOUT_SECONDS + ", the function's timeout in"
            + " s.yaml): everything, Event writes included, ends before it, and the report comes back.")
    int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    InvokeCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        if (timeoutSeconds < 3 || timeoutSeconds > 86_400) {
            err.println("--timeout " + timeoutSeconds + ": must be 3 to 86400 seconds (Function Compute's range)");
            return Main.EXIT_USAGE;
        }
        InvocationService service;
        try {
            service = InvocationService.forConfig(config.load());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        Optional<ClbCredentials> credentials = ClbCredentials.fromEnvironment(env);
        if (credentials.isEmpty()) {
            err.println(SyncCommand.MISSING_CREDENTIALS);
            return Main.EXIT_USAGE;
        }
        Map<Path, byte[]> payloads = new LinkedHashMap<>(); // every file read before any runs
        for (Path event : events) {
            try {
                payloads.put(event, Files.readAllBytes(event));
            } catch (IOException e) {
                err.println("--event " + event + ": " + ConfigLoader.whyUnreadable(event));
                return Main.EXIT_USAGE;
            }
        }
        SyncHandler handler = new SyncHandler(service);
        int exit = 0;
        for (Map.Entry<Path, byte[]> p : payloads.entrySet()) {
            Path event = p.getKey();
            byte[] payload = p.getValue();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            long kubernetesBefore = service.kubernetesRequests();
            long start = System.nanoTime();
            handler.handle(payload, plan, output, new LocalContext(credentials.get(), err, Duration.ofSeconds(timeoutSeconds)));
            JsonObject result = JsonParser.parseString(output.toString(StandardCharsets.UTF_8)).getAsJsonObject();
            // what this event cost in the instance: its duration, and the requests it made
            JsonObject invocation = new JsonObject();
            invocation.addProperty("event", event.toString());
            invocation.addProperty("durationMillis", (System.nanoTime() - start) / 1_000_000);
            invocation.addProperty("kubernetesRequests", service.kubernetesRequests() - kubernetesBefore);
            invocation.addProperty("clbCalls", result.has("clbCalls") ? result.get("clbCalls").getAsInt() : 0);
            result.add("invocation", invocation);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(result));
            out.flush();
            exit = Math.max(exit, result.get("exitCode").getAsInt());
        }
        return exit;
    }
}
