package com.clbsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** {@code java -jar clb-sync.jar <command>}: exit 0 all synced, 1 something frozen/skipped/failed, 2 bad configuration or usage. */
@Command(name = "clb-sync", mixinStandardHelpOptions = true, version = "clb-sync 0.1.0",
        description = "Keeps Alibaba Cloud CLB vServer groups in sync with annotated Services of several Kubernetes clusters.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything synced (plan: everything planned)", "1:something was frozen, skipped or failed",
                "2:bad configuration or usage"})
public final class Main implements Runnable {
    public static final int EXIT_USAGE = 2;

    private final PrintWriter out;

    private Main(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the environment supplies the CLB credentials. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(out))
                .addSubcommand("plan", new SyncCommand(false, env, out, err))
                .addSubcommand("apply", new SyncCommand(true, env, out, err))
                .addSubcommand("invoke", new InvokeCommand(env, out, err))
                .addSubcommand("demo", new DemoCommand(out));
        cl.setOut(out).setErr(err);
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        return cl.execute(args);
    }

    @Override
    public void run() {
        out.println(new CommandLine(this).getUsageMessage());
    }
}
