package com.clbsync.testing;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.EcsEniLookup;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.clb.RetryPolicy;
import com.clbsync.clb.SlbVServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.config.WeightMode;
import com.clbsync.emulator.ApiCall;
import com.clbsync.emulator.ClbEmulator;
import com.clbsync.plan.Backend;
import com.clbsync.sync.DrainLog;
import com.clbsync.sync.RampLog;
import com.clbsync.plan.Ramp;
import com.clbsync.sync.ReportJson;
import com.clbsync.sync.ReportText;
import com.clbsync.sync.SnapshotCache;
import com.clbsync.sync.SyncFactory;
import com.clbsync.sync.SyncReport;
import com.clbsync.sync.SyncScope;
import com.clbsync.sync.SyncService;
import com.clbsync.time.Deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything an end-to-end test needs: the CLB emulator holding the seed's CLB and groups, in-process
 * clusters, and a real {@link SyncService} (client-java, SLB SDK) wired to them.
 */
public final class World implements AutoCloseable {
    public static final String LB = "lb-bp1demo0000000000001";
    public static final String GROUP_1 = "rsp-bp1demo000000000001";
    public static final String GROUP_2 = "rsp-bp1demo000000000002";
    public static final String GROUP_3 = "rsp-bp1demo000000000003";
    public static final String GROUP_4 = "rsp-bp1demo000000000004";
    public static final String SECRET = "clb-access-key-secret-do-not-print";

    public final ClbEmulator clb;
    private final Map<String, FakeCluster> clusters = new LinkedHashMap<>();
    private final List<String> loadBalancerIds = new ArrayList<>();
    private WeightMode weightMode = WeightMode.GLOBAL;
    private Duration readTimeout = SlbVServerGroupApi.READ_TIMEOUT;
    /** Retries as in production, only quicker: 1 ms doubling to 20 ms, 12 attempts. */
    public static final RetryPolicy FAST_RETRIES = RetryPolicy.of(Duration.ofMillis(1), Duration.ofMillis(20), 12);
    /** The emulator has no quota unless a test sets one: pace every action at 100,000 calls a second. */
    public static final Quotas NO_QUOTA = Quotas.of(Quotas.ACTIONS.stream().collect(Collectors.toMap(a -> a,
            a -> Rate.of(100_000, Duration.ofSeconds(1)))), 1.0);
    private Quotas quotas = NO_QUOTA;
    private int drainSeconds;
    private com.clbsync.plan.Access access = com.clbsync.plan.Access.any();
    /** The instance's memory of draining backends: one for all the world's runs, as in a warm instance. */
    private DrainLog drains = new DrainLog();
    /** The instance's memory of its groups' ramp steps, as in a warm instance; {@link #restart} forgets it. */
    private RampLog ramps = new RampLog();
    private Ramp ramp = Ramp.off();
    private List<String> retired = List.of();
    /** The clusters' snapshots, kept between runs only in a warm world (as in a warm instance). */
    private SnapshotCache snapshots = new SnapshotCache();
    private boolean warm;
    private List<ClusterConfig> entries;
    private int cacheSeconds = SyncConfig.DEFAULT_CACHE_SECONDS;

    public World() throws Exception {
        clb = ClbEmulator.start();
        clb.forbidOnTheWire(SECRET); // the AccessKey secret signs requests; it never travels
        for (String g : List.of(GROUP_1, GROUP_2, GROUP_3, GROUP_4)) {
            clb.createGroup(LB, g);
        }
    }

    public FakeCluster cluster(String name) {
        return clusters.computeIfAbsent(name, FakeCluster::start);
    }

    /** Scan this CLB's groups for owned backends nothing maps any more. */
    public World scanning(String lbId) {
        loadBalancerIds.add(lbId);
        return this;
    }

    /** The weight mode of the configuration: global (the default, as in a real configuration) unless set. */
    public World weightMode(WeightMode mode) {
        this.weightMode = mode;
        return this;
    }

    /**
     * The configuration's cluster entries from now on, instead of one per cluster of the world under its own
     * name (an entry pointed at another cluster's API server, two deployments' entries of the same name).
     */
    public World entries(ClusterConfig... configured) {
        this.entries = List.of(configured);
        return this;
    }

    public SyncConfig config() {
        List<ClusterConfig> cs = entries != null ? entries
                : clusters.values().stream().map(FakeCluster::config).collect(Collectors.toList());
        return SyncConfig.of("cn-hangzhou", clb.endpoint(), weightMode, loadBalancerIds, cs).withClbQuotas(quotas)
                .withEcsEndpoint(clb.endpoint()).withNlbEndpoint(clb.endpoint()).withNlbQuotas(nlbQuotas)
                .withNlbBatchSize(nlbBatchSize).withDrainSeconds(drainSeconds).withCacheSeconds(cacheSeconds)
                .withAccess(access).withRamp(ramp).withRetiredOwnerIds(retired);
    }

    /** The configuration's {@code ramp} (off unless set). */
    public World ramp(Ramp r) {
        this.ramp = r;
        return this;
    }

    /** The configuration's {@code retiredOwnerIds} (none unless set). */
    public World retired(String... ownerIds) {
        this.retired = List.of(ownerIds);
        return this;
    }

    /** A new instance from now on: what the last one remembered (drains, ramp steps, snapshots) is gone. */
    public World restart() {
        this.drains = new DrainLog();
        this.ramps = new RampLog();
        this.snapshots = new SnapshotCache();
        return this;
    }

    /** The CLB client tests use: quick retries, and a short read timeout when one is set. */
    public com.clbsync.clb.VServerGroupApi api() {
        SlbVServerGroupApi slb = SlbVServerGroupApi.create("cn-hangzhou", clb.endpoint(), ClbCredentials.of("AKID", SECRET, null),
                Duration.ofSeconds(2), readTimeout).withRetry(FAST_RETRIES, d -> Thread.sleep(d.toMillis())).withQuotas(quotas);
        return com.clbsync.clb.GroupApis.of(slb, () -> com.clbsync.clb.NlbServerGroupApi.create("cn-hangzhou", clb.endpoint(),
                ClbCredentials.of("AKID", SECRET, null), nlbBatchSize).withRetry(NLB_RETRIES, d -> Thread.sleep(d.toMillis()))
                .withQuotas(nlbQuotas));
    }

    /** Retries as in production, quicker, but long enough to outlast a job another writer runs on a server group. */
    public static final RetryPolicy NLB_RETRIES = RetryPolicy.of(Duration.ofMillis(10), Duration.ofMillis(200), 30);
    /** The emulator has no NLB quota unless a test sets one. */
    public static final Quotas NLB_NO_QUOTA = Quotas.of(Quotas.NLB_ACTIONS.stream().collect(Collectors.toMap(a -> a,
            a -> Rate.of(100_000, Duration.ofSeconds(1)))), 1.0);
    private Quotas nlbQuotas = NLB_NO_QUOTA;
    private int nlbBatchSize = 40;

    /** The NLB quotas clb-sync paces its calls by (none to speak of unless set). */
    public World nlbQuotas(Quotas q) {
        this.nlbQuotas = q;
        return this;
    }

    /** Servers per NLB call ({@code nlb.batchSize}, 40 unless set). */
    public World nlbBatchSize(int servers) {
        this.nlbBatchSize = servers;
        return this;
    }

    /** The configuration's {@code access} list (none unless set). */
    public World access(com.clbsync.plan.Access a) {
        this.access = a;
        return this;
    }

    /** The configuration's {@code drainSeconds} (0 unless set). */
    public World drainSeconds(int seconds) {
        this.drainSeconds = seconds;
        return this;
    }

    /** Runs share the clusters' snapshots, as the runs of one warm instance do (each run is cold otherwise). */
    public World warm() {
        this.warm = true;
        return this;
    }

    /** The configuration's {@code cacheSeconds} (60 unless set). */
    public World cacheSeconds(int seconds) {
        this.cacheSeconds = seconds;
        return this;
    }

    /** The ENI lookup tests use: the emulator's ECS side, quick retries. */
    public EniLookup enis() {
        return EcsEniLookup.create("cn-hangzhou", clb.endpoint(), ClbCredentials.of("AKID", SECRET, null), FAST_RETRIES);
    }

    /** The quotas clb-sync paces its calls by (none to speak of unless set). */
    public World quotas(Quotas q) {
        this.quotas = q;
        return this;
    }

    /** The CLB client's read timeout (default 15 s). */
    public World readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    public SyncService service() throws Exception {
        SyncService s = SyncFactory.create(config(), api()).withEnis(enis()).withDrainLog(drains).withRampLog(ramps);
        return warm ? s.withSnapshots(snapshots) : s;
    }

    /** One run, with the emulator's call log cleared first; checks no secret reaches the report. */
    public SyncReport run(boolean apply) throws Exception {
        clb.clearCalls();
        return checked(service().run(apply));
    }

    private SyncReport checked(SyncReport r) {
        String text = ReportText.render(r) + ReportJson.render(r);
        assertThat(text).doesNotContain(SECRET);
        assertThat(clb.secretsSeen()).as("requests that carried the AccessKey secret").isZero();
        clusters.values().forEach(c -> assertThat(text).doesNotContain(c.token()));
        return r;
    }

    public SyncReport apply() throws Exception {
        return run(true);
    }

    /** One apply that must be done by {@code deadline}. */
    public SyncReport apply(Deadline deadline) throws Exception {
        return apply(SyncScope.full(), deadline);
    }

    /** One apply of this scope that must be done by {@code deadline}. */
    public SyncReport apply(SyncScope scope, Deadline deadline) throws Exception {
        clb.clearCalls();
        return checked(service().run(true, scope, deadline));
    }

    /** The share of the traffic of a group that goes to backends whose ServerId starts with {@code prefix}. */
    public double share(String groupId, String prefix) {
        long all = group(groupId).stream().mapToLong(Backend::weight).sum();
        long some = group(groupId).stream().filter(b -> b.serverId().startsWith(prefix)).mapToLong(Backend::weight).sum();
        return all == 0 ? 0 : (double) some / all;
    }

    /** Asserts the run synced everything, showing the report when it did not. */
    public static SyncReport assertComplete(SyncReport r) {
        assertThat(r.exitCode()).as(ReportText.render(r)).isZero();
        return r;
    }

    /** What a group holds now: a CLB vServer group, or an NLB server group ({@code sgp-...}). */
    public List<Backend> group(String groupId) {
        return groupId.startsWith("sgp-") ? clb.nlb().servers(groupId) : clb.backends(groupId);
    }

    public List<String> callActions() {
        return clb.calls().stream().map(ApiCall::action).collect(Collectors.toList());
    }

    public long writes() {
        return clb.calls().stream().filter(ApiCall::isWrite).count();
    }

    @Override
    public void close() {
        clusters.values().forEach(FakeCluster::close);
        clb.close();
    }
}
