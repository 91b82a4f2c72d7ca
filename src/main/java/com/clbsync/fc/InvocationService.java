package com.clbsync.fc;

import com.clbsync.check.Check;
import com.clbsync.check.Checks;
import com.clbsync.check.Preflight;
import com.clbsync.clb.CallListener;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ConfigException;
import com.clbsync.config.SyncConfig;
import com.clbsync.sync.ClusterClients;
import com.clbsync.sync.DrainLog;
import com.clbsync.sync.RampLog;
import com.clbsync.sync.ReportJson;
import com.clbsync.sync.SnapshotCache;
import com.clbsync.sync.SyncFactory;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncService;
import com.clbsync.time.Deadline;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * What one function instance does with each invocation: reads the event into a trigger, routes it
 * (check, plan, apply), narrows a Log Service trigger to its audit records, answers an event a clean run
 * already covers at once, otherwise runs the sync with the invocation's own credentials, and returns the
 * JSON output. Built once per instance: the configuration, the cluster and cloud clients, the read pool
 * and what the instance remembers between runs (coalescing, draining backends, cluster snapshots).
 */
public final class InvocationService {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private final SyncConfig config;
    private final EventParser parser;
    private final ClusterClients clusters;
    private final Function<ClbCredentials, VServerGroupApi> apis;
    private final Function<ClbCredentials, EniLookup> enis;
    private final AuditLogSource audit;
    private final ExecutorService pool;
    /** Clean full runs of this instance: events they already cover are answered at once. */
    private final Coalescer coalescer = new Coalescer();
    /** When this instance's runs set each draining backend to weight 0. */
    private final DrainLog drains = new DrainLog();
    private final RampLog ramps = new RampLog();
    /** Each cluster's last snapshot: a targeted event reads again only what it names (within cacheSeconds). */
    private final SnapshotCache snapshots = new SnapshotCache();

    /**
     * @param apis the CLB client for an invocation's credentials (cached while they stay the same)
     */
    public InvocationService(SyncConfig config, ClusterClients clusters, Function<ClbCredentials, VServerGroupApi> apis,
                             AuditLogSource audit) {
        this.config = config;
        this.parser = new EventParser(config);
        this.clusters = clusters;
        this.apis = new ApiCache<>(apis);
        this.enis = new ApiCache<>(c -> SyncFactory.eniLookup(config, c));
        this.audit = audit;
        this.pool = SyncService.readPool(config.clusters().size());
    }

    /** The real adapters for this configuration: client-java per cluster, the SLB SDK, the Log Service pull. */
    public static InvocationService forConfig(SyncConfig config) throws ConfigException {
        return new InvocationService(config, SyncFactory.clusters(config), c -> SyncFactory.groupApi(config, c),
                new SlsAuditLogSource(config.network().logEndpoint(config.region())));
    }

    /** The requests this instance has sent to the clusters' API servers so far. */
    public long kubernetesRequests() {
        return clusters.kubernetesRequests();
    }

    /** Builds the CLB client for these credentials now, while the instance starts, rather than on its first event. */
    void warmUp(ClbCredentials credentials) {
        apis.apply(credentials);
    }

    /**
     * The output for one event: the report (or the checks) with a {@code trigger} object, or an error with
     * exit code 2 when the event or the credentials do not allow a run.
     *
     * @param plan plan whatever the event's action says ({@code invoke --plan})
     */
    JsonObject handle(byte[] event, boolean plan, Optional<ClbCredentials> credentials, Deadline deadline, FcLog log) {
        Trigger trigger;
        try {
            trigger = parser.parse(event, plan);
        } catch (EventException e) {
            return failure(log, "event", e.getMessage());
        }
        if (trigger.kind() == TriggerKind.CHECK) {
            return check(trigger, credentials, deadline, log);
        }
        if (trigger.scope().isEmpty()) {
            return output(SyncReport.of(trigger.apply(), trigger.scope().toString(), List.of(), List.of(), List.of(), List.of(),
                    List.of()), trigger, log);
        }
        if (credentials.isEmpty()) {
            return failure(log, "credentials", "the invocation has no execution credentials: give the function a RAM role"
                    + " (role in s.yaml) with the CLB permissions; nothing was changed");
        }
        trigger = AuditLogScope.resolve(trigger, audit, credentials.get(), deadline);
        Optional<Instant> covered = coalescer.covering(trigger, config);
        if (covered.isPresent()) {
            trigger = trigger.noted("covered by the clean run that started at " + covered.get() + ", after this change"
                    + " (it read what the change names, or its whole cluster, and synced every group fed by it): nothing"
                    + " read, nothing written");
        }
        if (trigger.scope().isEmpty() || covered.isPresent()) {
            return output(SyncReport.of(trigger.apply(), trigger.scope().toString(), List.of(), List.of(), List.of(), List.of(),
                    List.of()), trigger, log);
        }
        SyncService service = SyncFactory.service(config, clusters, credentials, apis.apply(credentials.get()),
                enis.apply(credentials.get()), pool).withProgress(log::progress, PROGRESS_EVERY).withDrainLog(drains).withRampLog(ramps)
                .withSnapshots(snapshots);
        Instant start = Instant.now();
        SyncReport report = service.run(trigger.apply(), trigger.scope(), deadline);
        coalescer.ran(trigger, report, start);
        return output(report, trigger, log);
    }

    private JsonObject check(Trigger trigger, Optional<ClbCredentials> credentials, Deadline deadline, FcLog log) {
        List<Check> checks = new Preflight(config, clusters.readers(credentials),
                credentials.map(c -> apis.apply(c).within(deadline, CallListener.NONE)).orElse(null),
                credentials.map(c -> enis.apply(c).within(deadline, CallListener.NONE)).orElse(EniLookup.NONE)).run();
        checks.stream().filter(c -> !c.ok()).forEach(c -> log.error("check failed: " + c));
        JsonObject json = Checks.toJson(checks);
        json.add("trigger", trigger(trigger));
        return json;
    }

    private static JsonObject output(SyncReport report, Trigger trigger, FcLog log) {
        log.report(report);
        JsonObject json = ReportJson.toJson(report);
        json.add("trigger", trigger(trigger));
        return json;
    }

    private static JsonObject trigger(Trigger t) {
        JsonObject j = new JsonObject();
        j.addProperty("kind", t.kind().key());
        j.addProperty("action", t.apply() ? "apply" : "plan");
        j.addProperty("scope", t.scope().isFull() ? "full" : "targeted");
        JsonArray notes = new JsonArray();
        t.notes().forEach(notes::add);
        j.add("notes", notes);
        return j;
    }

    static JsonObject failure(FcLog log, String what, String message) {
        log.error(message);
        JsonObject j = new JsonObject();
        j.addProperty("exitCode", 2);
        j.addProperty("error", what + ": " + message);
        j.addProperty("changed", false);
        return j;
    }
}
