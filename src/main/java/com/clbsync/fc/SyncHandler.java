package com.clbsync.fc;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.clbsync.check.Check;
import com.clbsync.check.Checks;
import com.clbsync.check.Preflight;
import com.clbsync.clb.CallListener;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ConfigException;
import com.clbsync.config.ConfigLoader;
import com.clbsync.config.SyncConfig;
import com.clbsync.redact.Redactor;
import com.clbsync.kube.ClusterReader;
import com.clbsync.sync.DrainLog;
import com.clbsync.sync.GroupReport;
import com.clbsync.sync.Progress;
import com.clbsync.sync.ReportJson;
import com.clbsync.sync.ServiceEvents;
import com.clbsync.sync.SnapshotCache;
import com.clbsync.sync.SyncFactory;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncService;
import com.clbsync.time.Deadline;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The Function Compute entry point ({@code com.clbsync.fc.SyncHandler::handleRequest}, initializer
 * {@code ::initialize}): parses the event into a scope, runs the sync with this invocation's
 * credentials, writes the JSON report and logs one JSON line per group and per error.
 */
public final class SyncHandler implements StreamRequestHandler, FunctionInitializer {
    public static final String ENV_CONFIG = "CLB_SYNC_CONFIG";
    public static final String ENV_CONFIG_FILE = "CLB_SYNC_CONFIG_FILE";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson LOG_LINE = new GsonBuilder().disableHtmlEscaping().create();
    private static final long DEFAULT_TIME_LIMIT_MS = 120_000;
    /** The function's {@code timeout} in s.yaml (a test keeps the two equal): what {@code invoke} runs with by default. */
    public static final int FUNCTION_TIMEOUT_SECONDS = 300;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Map<String, String> env;
    private volatile Wiring wiring;

    /** The requests this instance has sent to the clusters' API servers so far. */
    public long kubernetesRequests() {
        Wiring w = wiring;
        return w == null ? 0 : w.kubernetesRequests.getAsLong();
    }

    /** Used by FC: configuration from {@code CLB_SYNC_CONFIG} or {@code CLB_SYNC_CONFIG_FILE}, built in {@link #initialize}. */
    public SyncHandler() {
        this.env = System.getenv();
    }

    /** With its collaborators given (tests): no Events are written. */
    public SyncHandler(SyncConfig config, Map<String, ClusterReader> readers, Function<ClbCredentials, VServerGroupApi> apis,
                       AuditLogSource audit) {
        this(config, readers, Map.of(), apis, audit);
    }

    /** With its collaborators given (tests, and the {@code invoke} command). */
    public SyncHandler(SyncConfig config, Map<String, ClusterReader> readers, Map<String, ServiceEvents> events,
                       Function<ClbCredentials, VServerGroupApi> apis, AuditLogSource audit) {
        this.env = Map.of();
        this.wiring = new Wiring(config, readers, events, apis, audit);
    }

    /** For the {@code invoke} command: the real adapters for this configuration. */
    public static SyncHandler forConfig(SyncConfig config) throws ConfigException {
        return new SyncHandler(wiring(config));
    }

    private SyncHandler(Wiring wiring) {
        this.env = Map.of();
        this.wiring = wiring;
    }

    /**
     * The real adapters for this configuration, built once per instance; ACK clusters without stored
     * secrets ask for kubeconfigs with the credentials of the invocation at hand.
     */
    private static Wiring wiring(SyncConfig config) throws ConfigException {
        AtomicReference<ClbCredentials> current = new AtomicReference<>();
        SyncFactory.Clusters clusters = SyncFactory.clusters(config, () -> Optional.ofNullable(current.get()));
        Wiring w = new Wiring(config, clusters.readers(), clusters.events(), c -> SyncFactory.clbApi(config, c),
                new SlsAuditLogSource(config.network().logEndpoint(config.region())));
        w.credentials = current;
        w.kubernetesRequests = clusters::kubernetesRequests;
        return w;
    }

    @Override
    public void initialize(Context context) throws IOException {
        if (wiring != null) {
            return;
        }
        try {
            wiring = wiring(loadConfig(env));
            credentials(context).ifPresent(wiring.apis::apply); // the CLB client too, while the instance starts
        } catch (ConfigException e) {
            logError(context, e.getMessage());
            throw new IOException(e.getMessage());
        }
    }

    static SyncConfig loadConfig(Map<String, String> env) throws ConfigException {
        String text = env.get(ENV_CONFIG);
        if (text != null && !text.isBlank()) {
            return ConfigLoader.parse(text, Path.of("."));
        }
        String file = env.get(ENV_CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            return ConfigLoader.load(Path.of(file));
        }
        throw new ConfigException(List.of(ENV_CONFIG + " / " + ENV_CONFIG_FILE + ": set one (the configuration as YAML or"
                + " JSON text, or a path to it)"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Deadline deadline = deadline(context, Clock.systemUTC());
        byte[] event = input.readAllBytes();
        if (wiring == null) {
            initialize(context);
        }
        Wiring w = wiring;
        Optional<ClbCredentials> credentials = credentials(context);
        w.credentials.set(credentials.orElse(null)); // STS credentials expire: this invocation's, for ACK kubeconfigs
        Trigger trigger;
        try {
            trigger = new EventParser(w.config).parse(event);
        } catch (EventException e) {
            write(output, failure(context, "event", e.getMessage()));
            return;
        }
        if (trigger.kind().equals("check")) {
            List<Check> checks = new Preflight(w.config, w.readers,
                    credentials.map(c -> w.apis.apply(c).within(deadline, CallListener.NONE)).orElse(null),
                    credentials.map(c -> w.enis.apply(c).within(deadline, CallListener.NONE)).orElse(EniLookup.NONE)).run();
            JsonObject json = Checks.toJson(checks);
            json.add("trigger", trigger(trigger));
            checks.stream().filter(c -> !c.ok()).forEach(c -> logError(context, "check failed: " + c));
            write(output, json);
            return;
        }
        if (!trigger.scope().isEmpty() && credentials.isEmpty()) {
            write(output, failure(context, "credentials", "the invocation has no execution credentials: give the function"
                    + " a RAM role (role in s.yaml) with the CLB permissions; nothing was changed"));
            return;
        }
        SyncReport report;
        if (!trigger.scope().isEmpty()) {
            trigger = AuditLogScope.resolve(trigger, w.audit, credentials.get(), deadline);
        }
        Optional<Instant> covered = w.coalescer.covering(trigger, w.config);
        if (covered.isPresent()) {
            trigger = trigger.noted("covered by the clean run that started at " + covered.get() + ", after this change"
                    + " (it read what the change names, or its whole cluster, and synced every group fed by it): nothing"
                    + " read, nothing written");
        }
        if (trigger.scope().isEmpty() || covered.isPresent()) {
            report = SyncReport.of(trigger.apply(), trigger.scope().toString(), List.of(), List.of(), List.of(), List.of(), List.of());
        } else {
            SyncService service = new SyncService(w.config, w.readers, w.apis.apply(credentials.get()),
                    SyncFactory.weightPolicy(w.config.weightMode()), w.pool)
                    .withProgress(p -> logProgress(context, p), PROGRESS_EVERY).withEvents(w.events)
                    .withEnis(w.enis.apply(credentials.get())).withDrainLog(w.drains).withSnapshots(w.snapshots);
            Instant start = Instant.now();
            report = service.run(trigger.apply(), trigger.scope(), deadline);
            w.coalescer.ran(trigger, report, start);
        }
        log(context, report);
        JsonObject json = ReportJson.toJson(report);
        json.add("trigger", trigger(trigger));
        write(output, json);
    }

    /**
     * The invocation's one deadline: Function Compute's time limit from now, less a reserve for the
     * report (a tenth of the limit, 2 to 15 s), so the report is always written before FC ends the run.
     */
    static Deadline deadline(Context context, Clock clock) {
        FunctionParam p = context == null ? null : context.getFunctionParam();
        long limit = p == null || p.getExecTimeLimitInMillis() <= 0 ? DEFAULT_TIME_LIMIT_MS : p.getExecTimeLimitInMillis();
        long reserve = Math.max(2_000, Math.min(15_000, limit / 10));
        return Deadline.at(clock.instant().plusMillis(Math.max(0, limit - reserve)), clock);
    }

    private static Optional<ClbCredentials> credentials(Context context) {
        Credentials c = context == null ? null : context.getExecutionCredentials();
        if (c == null || c.getAccessKeyId() == null || c.getAccessKeyId().isBlank() || c.getAccessKeySecret() == null
                || c.getAccessKeySecret().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ClbCredentials.of(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken()));
    }

    private static JsonObject trigger(Trigger t) {
        JsonObject j = new JsonObject();
        j.addProperty("kind", t.kind());
        j.addProperty("action", t.apply() ? "apply" : "plan");
        j.addProperty("scope", t.scope().isFull() ? "full" : "targeted");
        JsonArray notes = new JsonArray();
        t.notes().forEach(notes::add);
        j.add("notes", notes);
        return j;
    }

    private static JsonObject failure(Context context, String what, String message) {
        logError(context, message);
        JsonObject j = new JsonObject();
        j.addProperty("exitCode", 2);
        j.addProperty("error", what + ": " + message);
        j.addProperty("changed", false);
        return j;
    }

    private static void log(Context context, SyncReport report) {
        FunctionComputeLogger logger = context == null ? null : context.getLogger();
        if (logger == null) {
            return;
        }
        for (GroupReport g : report.groups()) {
            JsonObject line = new JsonObject();
            line.addProperty("group", g.groupId());
            line.addProperty("clb", g.loadBalancerId());
            line.addProperty("status", g.status().name());
            line.addProperty("added", g.added().size());
            line.addProperty("reweighted", g.updated().size());
            line.addProperty("removed", g.removed().size());
            if (g.plan() != null) {
                line.addProperty("unchanged", g.plan().unchanged().size());
                line.addProperty("foreign", g.plan().foreign().size());
                line.addProperty("conflicts", g.plan().conflicts().size());
            }
            if (!g.left().isEmpty()) {
                line.addProperty("leftUndone", g.left().size());
            }
            line.addProperty("errors", g.errors().size());
            logger.info(Redactor.redact(LOG_LINE.toJson(line)));
            g.errors().forEach(e -> logError(context, g.groupId() + ": " + e));
        }
        report.errors().forEach(e -> logError(context, e));
        report.eventProblems().forEach(e -> logError(context, "event: " + e));
        report.clusters().stream().filter(c -> c.frozen()).forEach(c -> logError(context, "cluster " + c.name() + " frozen: " + c.reason()));
        report.frozenServices().forEach(f -> logError(context, "service frozen: " + f));
    }

    /** A JSON line with where a long run stands, as the command line prints it on standard error. */
    private static void logProgress(Context context, Progress.Snapshot p) {
        FunctionComputeLogger logger = context == null ? null : context.getLogger();
        if (logger != null) {
            JsonObject line = new JsonObject();
            line.addProperty("progressSeconds", p.elapsed().toSeconds());
            line.addProperty("groupsDone", p.groupsDone());
            line.addProperty("groups", p.groups());
            line.addProperty("clbCalls", p.calls());
            line.addProperty("refused", p.refused());
            line.addProperty("writeCallsLeft", p.writesLeft());
            if (p.eta() != null) {
                line.addProperty("etaSeconds", p.eta().toSeconds());
            }
            logger.info(LOG_LINE.toJson(line));
        }
    }

    private static void logError(Context context, String message) {
        FunctionComputeLogger logger = context == null ? null : context.getLogger();
        if (logger != null) {
            JsonObject line = new JsonObject();
            line.addProperty("error", message);
            logger.error(Redactor.redact(LOG_LINE.toJson(line)));
        }
    }

    private static void write(OutputStream output, JsonObject json) throws IOException {
        output.write((Redactor.redact(GSON.toJson(json)) + "\n").getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    /** What one function instance builds once: configuration, cluster clients, the CLB client cache, the read pool. */
    private static final class Wiring {
        final SyncConfig config;
        final Map<String, ClusterReader> readers;
        final Map<String, ServiceEvents> events;
        final Function<ClbCredentials, VServerGroupApi> apis;
        final Function<ClbCredentials, EniLookup> enis;
        final AuditLogSource audit;
        final ExecutorService pool;
        /** The requests this instance has sent to the clusters' API servers (0 with readers given). */
        LongSupplier kubernetesRequests = () -> 0;
        /** Clean full runs of this instance: events they already cover are answered at once. */
        final Coalescer coalescer = new Coalescer();
        /** When this instance's runs set each draining backend to weight 0. */
        final DrainLog drains = new DrainLog();
        /** Each cluster's last snapshot: a targeted event reads again only what it names (within cacheSeconds). */
        final SnapshotCache snapshots = new SnapshotCache();
        /** The current invocation's credentials, for the clusters that ask ACK for their kubeconfig. */
        AtomicReference<ClbCredentials> credentials = new AtomicReference<>();

        Wiring(SyncConfig config, Map<String, ClusterReader> readers, Map<String, ServiceEvents> events,
               Function<ClbCredentials, VServerGroupApi> apis, AuditLogSource audit) {
            this.config = config;
            this.pool = SyncService.readPool(config.clusters().size());
            this.readers = Map.copyOf(readers);
            this.events = Map.copyOf(events);
            this.apis = new ApiCache<>(apis);
            this.enis = new ApiCache<>(c -> SyncFactory.eniLookup(config, c));
            this.audit = audit;
        }
    }
}
