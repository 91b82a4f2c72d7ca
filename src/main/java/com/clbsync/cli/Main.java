package com.clbsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import com.clbsync.redact.Redactor;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code java -jar clb-sync.jar <command>}: exit 0 all synced, 1 something frozen/skipped/failed, 2 bad configuration or usage. */
@Command(name = "clb-sync", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Keeps Alibaba Cloud CLB vServer groups in sync with annotated Services of several Kubernetes clusters.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything synced (plan: everything planned; check: every check passed)",
                "1:something was frozen, skipped or failed (check: a check failed)",
                "2:bad configuration or usage"})
public final class Main implements Callable<Integer> {
    public static final int EXIT_USAGE = 2;
    static final String VERSION = "clb-sync 0.1.0";
    static final String PLAN = "Reads every configured cluster, describes each referenced vServer group and shows what"
            + " apply would change there: adds, re-weights, removals, conflicts, shares. Writes nothing.";
    static final String APPLY = "Reads every configured cluster and brings each referenced vServer group to its wanted"
            + " backends with the fewest CLB calls, touching only the backends clb-sync owns; prints what it changed.";
    static final String CREDENTIALS = "CLB credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID,"
            + " ALIBABA_CLOUD_ACCESS_KEY_SECRET and optional ALIBABA_CLOUD_SECURITY_TOKEN.";

    private final PrintWriter err;
    @Spec
    private CommandSpec spec;

    private Main(PrintWriter err) {
        this.err = err;
    }

    public static void main(String[] args) {
        // every text the command line prints passes the one redactor
        System.exit(run(args, System.getenv(), Redactor.writer(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.StandardCharsets.UTF_8)), Redactor.writer(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** Runs one command line; the environment supplies the CLB credentials. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(err))
                .addSubcommand("plan", new SyncCommand(false, env, out, err))
                .addSubcommand("apply", new SyncCommand(true, env, out, err))
                .addSubcommand("invoke", new InvokeCommand(env, out, err))
                .addSubcommand("check", new CheckCommand(env, out, err))
                .addSubcommand("policy", new PolicyCommand(out, err))
                .addSubcommand("schema", new SchemaCommand(out))
                .addSubcommand("demo", new DemoCommand(out));
        cl.getSubcommands().get("plan").getCommandSpec().usageMessage().description(PLAN, CREDENTIALS)
                .header("Shows what apply would change in every referenced vServer group; writes nothing.");
        cl.getSubcommands().get("apply").getCommandSpec().usageMessage().description(APPLY, CREDENTIALS)
                .header("Brings every referenced vServer group to its wanted backends.");
        cl.getSubcommands().get("invoke").getCommandSpec().usageMessage()
                .header("Runs the Function Compute handler on an event file, as the function would.");
        cl.getSubcommands().get("check").getCommandSpec().usageMessage()
                .header("Checks a deployment: configuration, endpoints, each cluster and the CLB; writes nothing.")
                .description("Validates the configuration, shows the resolved endpoints and makes one harmless read per"
                        + " dependency: each cluster (list nodes?limit=1, which proves the address, the CA, the"
                        + " credentials and the RBAC; then its Services, for the groups they reference) and the CLB"
                        + " (DescribeVServerGroups of every scanned CLB, DescribeVServerGroupAttribute of every"
                        + " referenced group, which prove the RAM read actions). Prints OK or the failure and its fix"
                        + " for each; exits 0 only when every check passes.", CREDENTIALS);
        cl.getSubcommands().get("policy").getCommandSpec().usageMessage()
                .header("Prints the RAM policy for a configuration: scoped to the load balancers its access lists.")
                .description("The SLB actions on exactly the load balancers under access (every one of the region"
                        + " without it), ecs:DescribeNetworkInterfaces, cs:DescribeClusterUserKubeconfig of the ACK"
                        + " clusters given by id alone, log:GetCursorOrData of their audit logstores, in the"
                        + " configuration's region and the --account given. Reads nothing from the clusters or the cloud.");
        cl.getSubcommands().get("demo").getCommandSpec().usageMessage()
                .header("Runs the real engine offline against local stand-ins: no cloud account needed.");
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(VERSION));
        cl.setOut(out).setErr(err);
        cl.setParameterExceptionHandler((e, rest) -> {
            // picocli words a map option's format error "option option '--manifests'"
            err.println(e.getMessage().replace("option option ", "option "));
            e.getCommandLine().usage(err);
            return EXIT_USAGE;
        });
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        return cl.execute(args);
    }

    /** No command: the usage, with the commands, on standard error, and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return EXIT_USAGE;
    }
}
