package com.clbsync.cli;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.kube.ClusterReader;
import com.clbsync.kube.ManifestClusterReader;
import com.clbsync.config.ConfigException;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.RampLog;
import com.clbsync.sync.ReportJson;
import com.clbsync.sync.ReportText;
import com.clbsync.sync.SyncFactory;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncService;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code plan} (describes only, writes nothing) and {@code apply}. */
/** The description of each of the two commands is set in {@link Main}. */
@Command(mixinStandardHelpOptions = true)
final class SyncCommand implements Callable<Integer> {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    static final String MISSING_CREDENTIALS = "CLB credentials: set " + ClbCredentials.ENV_ACCESS_KEY_ID + " and "
            + ClbCredentials.ENV_ACCESS_KEY_SECRET + " (and " + ClbCredentials.ENV_SECURITY_TOKEN + " for STS credentials)";
    private final boolean apply;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--manifests", paramLabel = "CLUSTER=PATH",
            description = "Read this configured cluster from manifests (a file or directory, e.g. the output of"
                    + " 'kubectl get svc,endpointslices,nodes -A -o yaml') instead of its API server: offline what-if planning"
                    + " (plan only; with apply it is a usage error).")
    Map<String, Path> manifests = new LinkedHashMap<>();

    @Option(names = "--ramp-now", description = "With a ramp configured: take each group's next step in this run, without"
            + " waiting ramp.everySeconds (a command line run cannot know when the last step was; you are the clock)."
            + " Steps are still at most ramp.stepPercent, health-gated, and start from what the CLB holds.")
    boolean rampNow;

    SyncCommand(boolean apply, Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.apply = apply;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (apply && !manifests.isEmpty()) {
            String why = "--manifests is for plan only: apply writes from what the clusters hold now, never from files"
                    + " (an old dump would take real nodes for gone); nothing was read or written";
            return usageError(why, List.of(why));
        }
        SyncConfig cfg;
        try {
            cfg = config.load();
        } catch (ConfigException e) {
            return usageError(e.getMessage(), e.problems());
        }
        Optional<ClbCredentials> credentials = ClbCredentials.fromEnvironment(env);
        if (credentials.isEmpty()) {
            return usageError(MISSING_CREDENTIALS, List.of(MISSING_CREDENTIALS));
        }
        SyncReport report;
        try {
            // a line on standard error every few seconds while a long run lasts
            report = service(cfg, credentials.get()).withProgress(p -> {
                err.println(p);
                err.flush();
            }, PROGRESS_EVERY).run(apply);
        } catch (ConfigException e) {
            return usageError(e.getMessage(), e.problems());
        }
        out.print(json ? ReportJson.render(report) + "\n" : ReportText.render(report));
        out.flush();
        return report.exitCode();
    }

    /** Nothing ran: the problems on standard error, or with --json as a JSON object on standard output. */
    private int usageError(String text, List<String> problems) {
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("mode", apply ? "apply" : "plan");
            o.addProperty("exitCode", Main.EXIT_USAGE);
            JsonArray errors = new JsonArray();
            problems.forEach(errors::add);
            o.add("errors", errors);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o));
            out.flush();
        } else {
            err.println(text);
        }
        return Main.EXIT_USAGE;
    }

    /** The real adapters, with the clusters named in --manifests read from files instead. */
    private SyncService service(SyncConfig cfg, ClbCredentials credentials) throws ConfigException {
        List<String> problems = new ArrayList<>();
        Map<String, ClusterReader> fromFiles = new LinkedHashMap<>();
        manifests.forEach((name, path) -> {
            if (cfg.clusters().stream().noneMatch(c -> c.name().equals(name))) {
                problems.add("--manifests " + name + "=" + path + ": no cluster " + name + " in the configuration");
            } else if (!Files.exists(path)) {
                problems.add("--manifests " + name + "=" + path + ": no such file or directory");
            } else {
                fromFiles.put(name, ManifestClusterReader.fromPath(path));
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        SyncService service = SyncFactory.create(cfg, SyncFactory.groupApi(cfg, credentials), fromFiles, Optional.of(credentials));
        return rampNow ? service.withRampLog(RampLog.dueNow()) : service;
    }
}
