package com.clbsync.bench;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.fc.LocalContext;
import com.clbsync.fc.SyncHandler;
import com.google.gson.JsonParser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Function Compute's Java runtime does with the jar on a cold start, without the command line: builds
 * {@link SyncHandler} from {@code CLB_SYNC_CONFIG_FILE}, calls {@code initialize}, then {@code handleRequest}
 * with the event file given, prints the output and exits with its exit code. Run by {@link ColdStartBenchmark} in its own JVM.
 */
final class FcStandIn {
    private FcStandIn() {
    }

    public static void main(String[] args) throws Exception {
        ClbCredentials credentials = ClbCredentials.fromEnvironment(System.getenv()).orElseThrow();
        PrintWriter log = new PrintWriter(System.err, true);
        SyncHandler handler = new SyncHandler();
        handler.initialize(new LocalContext(credentials, log));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[0]))), out,
                new LocalContext(credentials, log));
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        System.exit(JsonParser.parseString(output).getAsJsonObject().get("exitCode").getAsInt()); // as invoke exits
    }
}
