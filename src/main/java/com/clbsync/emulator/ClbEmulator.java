package com.clbsync.emulator;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful stand-in for the CLB API (SLB 2014-05-15) on loopback, reached through the real SDK over
 * plain HTTP. It keeps CLB instances, vServer groups and backends, answers as the API reference documents
 * (at most 20 backends per call; weight 0..100; description charset and length; an unknown group is
 * {@code 404 InvalidParameter}; adding a backend the group holds is the generic {@code 400
 * InvalidParameter}, since no dedicated code is documented; removing an absent backend succeeds) and
 * records every call. It also answers ECS {@code DescribeNetworkInterfaces} for the ENIs a test
 * declares, and the NLB's server-group calls ({@link NlbServerGroups}). Used by the tests and the offline demo.
 */
public final class ClbEmulator implements AutoCloseable {
    /** The message of the documented answer for an unknown vServer group ({@code 404 InvalidParameter}). */
    public static final String NO_SUCH_GROUP = "The specified VServerGroupId does not exist.";
    private static final Gson GSON = new Gson();

    private final HttpServer server;
    private final VServerGroups groups = new VServerGroups();
    private final List<ApiCall> calls = new ArrayList<>();
    private final Guards guards = new Guards();
    private final NlbServerGroups nlb = new NlbServerGroups();
    private final FaultInjector faults = new FaultInjector();
    private final Map<String, Runnable> beforeNext = new TreeMap<>();
    private final QuotaBuckets quotas = new QuotaBuckets();
    private final NetworkInterfaces enis = new NetworkInterfaces();

    private ClbEmulator(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts on an ephemeral loopback port. The JDK server answers quickly only with
     * {@code -Dsun.net.httpserver.nodelay=true} (without TCP_NODELAY each small answer waits about 40 ms
     * for a delayed ACK): a JVM-wide setting, so it is the caller's to make (the pom's test runs and the
     * demo's command do); the emulator changes no JVM-wide state.
     */
    public static ClbEmulator start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ClbEmulator emulator = new ClbEmulator(server);
        server.createContext("/", emulator::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "clb-emulator");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return emulator;
    }

    /** The NLB side: server groups, their servers and jobs (the same endpoint answers the NLB API). */
    public NlbServerGroups nlb() {
        return nlb;
    }

    /** {@code http://127.0.0.1:PORT}: the value for {@code clb.endpoint} (and {@code nlb.endpoint}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void createLoadBalancer(String loadBalancerId) {
        groups.createLoadBalancer(loadBalancerId);
    }

    /** At most {@code max} backends in this group; an add past it fails with InstanceBackendServerNumberOverLimit. */
    public synchronized void limitBackends(String groupId, int max) {
        groups.group(groupId).limit = max;
    }

    public synchronized void createGroup(String loadBalancerId, String groupId) {
        createGroup(loadBalancerId, groupId, "group-" + groupId);
    }

    /** A group with this name (the CCM names the groups it creates {@code k8s/<port>/<service>/<namespace>/<cluster>}). */
    public synchronized void createGroup(String loadBalancerId, String groupId, String name) {
        groups.create(loadBalancerId, groupId, name);
    }

    /** Puts a backend straight into a group, as a person in the console would. */
    public synchronized void putBackend(String groupId, Backend backend) {
        groups.group(groupId).backends.put(backend.key(), backend);
    }

    /**
     * What the CLB's health check says of the backend at this key from now on ({@code normal},
     * {@code abnormal}, {@code unavailable}); every backend is {@code normal} unless set.
     */
    public synchronized void health(BackendKey key, String status) {
        groups.health(key, status);
    }

    /**
     * Adds a raw row to every describe answer of the group, as given (an answer the client must survive:
     * a row without ServerId, a Type it does not know); writes never touch it.
     */
    public synchronized void rawRow(String groupId, JsonObject row) {
        groups.group(groupId).rawRows.add(row.deepCopy());
    }

    /** An ECS elastic network interface in use holding these private IPs (the first its primary one). */
    public synchronized void networkInterface(String eniId, String instanceId, String... ips) {
        enis.put(eniId, instanceId, List.of(ips));
    }

    /** The ENI is released: {@code DescribeNetworkInterfaces} no longer lists it. */
    public synchronized void releaseNetworkInterface(String eniId) {
        enis.remove(eniId);
    }

    public synchronized List<Backend> backends(String groupId) {
        return List.copyOf(groups.group(groupId).backends.values());
    }

    public synchronized List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    /** Makes the next {@code times} calls of {@code action} fail with {@code code} (HTTP 400) and change nothing. */
    public synchronized void failNext(String action, int times, String code) {
        failNext(action, times, code, "Injected failure.");
    }

    /** The same, answering with this message (a gateway's echo of what it signed, say). */
    public synchronized void failNext(String action, int times, String code, String message) {
        faults.failNext(action, times, code, message);
    }

    /**
     * Runs {@code change} just before the next call of {@code action} is processed, as another writer
     * (a second run, the CCM, a person) would between our describe and our write.
     */
    public synchronized void beforeNext(String action, Runnable change) {
        beforeNext.put(action, change);
    }

    /**
     * Enforces an API quota on {@code action}: {@code burst} calls at once, then {@code calls} per
     * {@code period}; past it, calls are refused with {@code Throttling.User} and change nothing.
     */
    public void quota(String action, int calls, Duration period, int burst) {
        quotas.set(action, calls, period, burst);
    }

    /** How many calls the quotas refused. */
    public int refusedByQuota() {
        return quotas.refused();
    }

    /** Injects these faults into every call from now on, drawing from a random sequence seeded with {@code seed}. */
    public synchronized void inject(Faults newFaults, long seed) {
        faults.inject(newFaults, seed);
    }

    /** How many calls a fault was injected into. */
    public synchronized int injectedFaults() {
        return faults.injected();
    }

    /**
     * Refuses ({@code 400 SecretOnTheWire}) and counts any request that carries {@code text} anywhere: an
     * AccessKey secret must never travel, not even inside a signature's input.
     */
    public void forbidOnTheWire(String text) {
        guards.forbid(text);
    }

    /** How many requests carried a forbidden value. */
    public int secretsSeen() {
        return guards.secretsSeen();
    }

    /** Requests signed with this STS token are refused as expired, as the CLB does once a token has run out. */
    public void expireSecurityToken(String token) {
        guards.expire(token);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            WireRequest request = WireRequest.read(ex);
            JsonObject body;
            int status = 200;
            try {
                guards.check(request);
                body = answer(request);
            } catch (ApiError e) {
                status = e.status;
                body = e.body();
            }
            reply(ex, status, body);
        } finally {
            ex.close();
        }
    }

    /** The answer, as the API gives it: JSON with a RequestId. */
    private static void reply(HttpExchange ex, int status, JsonObject body) throws IOException {
        body.addProperty("RequestId", UUID.randomUUID().toString().toUpperCase());
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    /** The answer to a checked request, through the quota and the faults injected: refused, late, or given. */
    private JsonObject answer(WireRequest request) throws ApiError {
        if (!quotas.take(request.action)) {
            record(request);
            throw FaultInjector.Fault.THROTTLED.error();
        }
        FaultInjector.Fault fault = faults.draw(request.action);
        FaultInjector.sleep(faults.delay());
        if (fault == FaultInjector.Fault.TIMEOUT) {
            record(request);
            FaultInjector.sleep(faults.hang()); // the client gives up first; nothing was changed
            throw new ApiError(504, "", "late answer");
        }
        if (fault == FaultInjector.Fault.AMBIGUOUS) {
            JsonObject body = dispatch(request); // applied, but the answer comes too late
            FaultInjector.sleep(faults.hang());
            return body;
        }
        if (fault != null) {
            record(request);
            throw fault.error();
        }
        return dispatch(request);
    }

    private synchronized void record(WireRequest r) {
        calls.add(new ApiCall(r));
    }

    private synchronized JsonObject dispatch(WireRequest r) throws ApiError {
        String action = r.action;
        Map<String, String> p = r.params;
        Runnable change = beforeNext.remove(action);
        if (change != null) {
            change.run();
        }
        calls.add(new ApiCall(r));
        if (p.getOrDefault("RegionId", "").isEmpty() && !action.equals("ListAsynJobs")) {
            throw new ApiError(400, "MissingRegionId", "RegionId is mandatory for this action.");
        }
        if (action.equals("DescribeNetworkInterfaces")) {
            return enis.describe(p);
        }
        if (NlbServerGroups.ACTIONS.contains(action)) {
            return nlb.answer(action, p);
        }
        return groups.answer(action, p);
    }
}
