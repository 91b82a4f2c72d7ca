package com.clbsync.cli;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ConfigException;
import com.clbsync.config.ConfigLoader;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.ReportJson;
import com.clbsync.sync.ReportText;
import com.clbsync.sync.SyncFactory;
import com.clbsync.sync.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code plan} (describes only, writes nothing) and {@code apply}. */
@Command(mixinStandardHelpOptions = true,
        description = "Reads every configured cluster and brings each referenced vServer group to its wanted backends"
                + " (plan: only shows what apply would do). CLB credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID,"
                + " ALIBABA_CLOUD_ACCESS_KEY_SECRET and optional ALIBABA_CLOUD_SECURITY_TOKEN.")
final class SyncCommand implements Callable<Integer> {
    private final boolean apply;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Configuration file (YAML or JSON).")
    Path config;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    SyncCommand(boolean apply, Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.apply = apply;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        SyncConfig cfg;
        try {
            cfg = ConfigLoader.load(config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        Optional<ClbCredentials> credentials = ClbCredentials.fromEnvironment(env);
        if (credentials.isEmpty()) {
            err.println("CLB credentials: set " + ClbCredentials.ENV_ACCESS_KEY_ID + " and "
                    + ClbCredentials.ENV_ACCESS_KEY_SECRET + " (and " + ClbCredentials.ENV_SECURITY_TOKEN + " for STS)");
            return Main.EXIT_USAGE;
        }
        SyncReport report;
        try {
            report = SyncFactory.create(cfg, credentials.get()).run(apply);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        out.print(json ? ReportJson.render(report) + "\n" : ReportText.render(report));
        out.flush();
        return report.exitCode();
    }
}
