package com.clbsync.cli;

import com.clbsync.check.Check;
import com.clbsync.check.Checks;
import com.clbsync.check.Preflight;
import com.clbsync.clb.CallListener;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ConfigException;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.SyncFactory;
import com.clbsync.time.Deadline;
import com.google.gson.GsonBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code check}: the preflight of a deployment; one harmless read per dependency, never a write. */
@Command(mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    CheckCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        List<Check> checks;
        try {
            SyncConfig cfg = config.load();
            Optional<ClbCredentials> credentials = ClbCredentials.fromEnvironment(env);
            Deadline deadline = Deadline.in(Duration.ofMinutes(2));
            checks = new Preflight(cfg, SyncFactory.clusters(cfg).readers(credentials), credentials
                    .map(c -> SyncFactory.groupApi(cfg, c).within(deadline, CallListener.NONE)).orElse(null), credentials
                    .map(c -> SyncFactory.eniLookup(cfg, c).within(deadline, CallListener.NONE)).orElse(EniLookup.NONE)).run();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        out.print(json ? new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(Checks.toJson(checks))
                + "\n" : Checks.text(checks));
        out.flush();
        return Checks.exitCode(checks);
    }
}
