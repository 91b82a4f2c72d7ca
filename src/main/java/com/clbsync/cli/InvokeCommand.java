package com.clbsync.cli;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ConfigException;
import com.clbsync.config.ConfigLoader;
import com.clbsync.config.SyncConfig;
import com.clbsync.fc.LocalContext;
import com.clbsync.fc.SyncHandler;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Configuration file (YAML or JSON).")
    Path config;

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "The event, as the trigger would send it.")
    Path event;

    @Option(names = "--plan", description = "Plan the event's scope instead of applying it: nothing is written"
            + " (the same as \"action\": \"plan\" in the event).")
    boolean plan;

    InvokeCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        SyncHandler handler;
        try {
            SyncConfig cfg = ConfigLoader.load(config);
            handler = SyncHandler.forConfig(cfg);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        byte[] payload;
        try {
            payload = Files.readAllBytes(event);
        } catch (IOException e) {
            err.println("--event " + event + ": " + ConfigLoader.whyUnreadable(event));
            return Main.EXIT_USAGE;
        }
        Optional<ClbCredentials> credentials = ClbCredentials.fromEnvironment(env);
        if (credentials.isEmpty()) {
            err.println(SyncCommand.MISSING_CREDENTIALS);
            return Main.EXIT_USAGE;
        }
        if (plan) {
            payload = asPlan(payload);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        LocalContext context = new LocalContext(credentials.get(), err);
        handler.handleRequest(new ByteArrayInputStream(payload), output, context);
        String result = output.toString(StandardCharsets.UTF_8);
        out.print(result);
        out.flush();
        return JsonParser.parseString(result).getAsJsonObject().get("exitCode").getAsInt();
    }

    /** The event with {@code "action": "plan"} in it (in each element of a batch); anything else as it is. */
    static byte[] asPlan(byte[] payload) {
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return payload; // the handler says what is wrong with it
        }
        List<JsonElement> all = new ArrayList<>();
        if (root.isJsonArray()) {
            root.getAsJsonArray().forEach(all::add);
        } else {
            all.add(root);
        }
        all.stream().filter(JsonElement::isJsonObject).forEach(e -> e.getAsJsonObject().addProperty("action", "plan"));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
