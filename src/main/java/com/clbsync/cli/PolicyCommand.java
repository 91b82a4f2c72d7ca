package com.clbsync.cli;

import com.clbsync.config.ConfigException;
import com.clbsync.config.RamPolicy;
import com.clbsync.config.SyncConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code policy}: the RAM policy for a configuration, scoped to what its access list names. */
@Command(mixinStandardHelpOptions = true)
final class PolicyCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ConfigOption config;

    @Option(names = "--account", paramLabel = "ID", description = "The Alibaba Cloud account id the resources belong to"
            + " (default *: any account).")
    String account = "*";

    PolicyCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!account.equals("*") && !account.matches("\\d{16}")) {
            err.println("--account " + account + ": an account id is 16 digits");
            return Main.EXIT_USAGE;
        }
        SyncConfig cfg;
        try {
            cfg = config.load();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (!cfg.access().declared()) {
            err.println("note: the configuration has no access list, so the policy grants every CLB of " + cfg.region()
                    + "; list the load balancers clb-sync may write under access to scope it");
        }
        out.print(RamPolicy.render(cfg, account));
        out.flush();
        return 0;
    }
}
