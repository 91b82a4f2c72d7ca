package com.clbsync.emulator;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * declares. Used by the tests and the offline demo.
 */
public final class ClbEmulator implements AutoCloseable {
    /** The message of the documented answer for an unknown vServer group ({@code 404 InvalidParameter}). */
    public static final String NO_SUCH_GROUP = "The specified VServerGroupId does not exist.";
    private static final Gson GSON = new Gson();

    private final HttpServer server;
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, List<String>> groupsByLb = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> expiredTokens = new HashSet<>();
    private final Set<String> forbidden = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger secretsSeen = new java.util.concurrent.atomic.AtomicInteger();
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

    /** {@code http://127.0.0.1:PORT}: the value for {@code clb.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void createLoadBalancer(String loadBalancerId) {
        groupsByLb.computeIfAbsent(loadBalancerId, k -> new ArrayList<>());
    }

    /** At most {@code max} backends in this group; an add past it fails with InstanceBackendServerNumberOverLimit. */
    public synchronized void limitBackends(String groupId, int max) {
        group(groupId).limit = max;
    }

    public synchronized void createGroup(String loadBalancerId, String groupId) {
        createGroup(loadBalancerId, groupId, "group-" + groupId);
    }

    /** A group with this name (the CCM names the groups it creates {@code k8s/<port>/<service>/<namespace>/<cluster>}). */
    public synchronized void createGroup(String loadBalancerId, String groupId, String name) {
        createLoadBalancer(loadBalancerId);
        groups.put(groupId, new Group(groupId, name, loadBalancerId));
        groupsByLb.get(loadBalancerId).add(groupId);
    }

    /** Puts a backend straight into a group, as a person in the console would. */
    public synchronized void putBackend(String groupId, Backend backend) {
        group(groupId).backends.put(backend.key(), backend);
    }

    /** An ECS elastic network interface in use holding these private IPs (the first its primary one). */
    /**
     * Adds a raw row to every describe answer of the group, as given (an answer the client must survive:
     * a row without ServerId, a Type it does not know); writes never touch it.
     */
    public synchronized void rawRow(String groupId, JsonObject row) {
        group(groupId).rawRows.add(row.deepCopy());
    }

    public synchronized void networkInterface(String eniId, String instanceId, String... ips) {
        enis.put(eniId, instanceId, List.of(ips));
    }

    /** The ENI is released: {@code DescribeNetworkInterfaces} no longer lists it. */
    public synchronized void releaseNetworkInterface(String eniId) {
        enis.remove(eniId);
    }

    public synchronized List<Backend> backends(String groupId) {
        return List.copyOf(group(groupId).backends.values());
    }

    public synchronized List<Call> calls() {
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

    /** Requests signed with this STS token are refused as expired, as the CLB does once a token has run out. */
    /**
     * Refuses ({@code 400 SecretOnTheWire}) and counts any request that carries {@code text} anywhere: an
     * AccessKey secret must never travel, not even inside a signature's input.
     */
    public void forbidOnTheWire(String text) {
        forbidden.add(text);
    }

    /** How many requests carried a forbidden value. */
    public int secretsSeen() {
        return secretsSeen.get();
    }

    public synchronized void expireSecurityToken(String token) {
        expiredTokens.add(token);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private Group group(String groupId) {
        Group g = groups.get(groupId);
        if (g == null) {
            throw new IllegalArgumentException("no group " + groupId);
        }
        return g;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            WireRequest request = WireRequest.read(ex);
            String action = request.action;
            Map<String, String> params = request.params;
            JsonObject body;
            int status = 200;
            try {
                if (forbidden.stream().anyMatch(request::carries)) {
                    secretsSeen.incrementAndGet();
                    throw new ApiError(400, "SecretOnTheWire", "The request carries a value it must never carry.");
                }
                if (request.signing.isEmpty()) {
                    throw new ApiError(400, "MissingSignature", "The request is not signed.");
                }
                if (isExpired(request.securityToken)) {
                    throw new ApiError(400, "InvalidSecurityToken.Expired", "The security token you provided has expired.");
                }
                if (!quotas.take(action)) {
                    record(request);
                    throw FaultInjector.Fault.THROTTLED.error();
                }
                FaultInjector.Fault fault = faults.draw(action);
                sleep(faults.delay());
                if (fault == FaultInjector.Fault.TIMEOUT) {
                    record(request);
                    sleep(faults.hang()); // the client gives up first; nothing was changed
                    throw new ApiError(504, "", "late answer");
                }
                if (fault == FaultInjector.Fault.AMBIGUOUS) {
                    body = dispatch(request); // applied, but the answer comes too late
                    sleep(faults.hang());
                } else if (fault != null) {
                    record(request);
                    throw fault.error();
                } else {
                    body = dispatch(request);
                }
            } catch (ApiError e) {
                status = e.status;
                body = new JsonObject();
                body.addProperty("Code", e.code);
                body.addProperty("Message", e.getMessage());
                body.addProperty("HostId", "127.0.0.1");
                body.addProperty("Recommend", "");
            }
            body.addProperty("RequestId", UUID.randomUUID().toString().toUpperCase());
            byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        } finally {
            ex.close();
        }
    }

    private synchronized boolean isExpired(String securityToken) {
        return !securityToken.isEmpty() && expiredTokens.contains(securityToken);
    }

    private synchronized void record(WireRequest r) {
        calls.add(new Call(r));
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized JsonObject dispatch(WireRequest r) throws ApiError {
        String action = r.action;
        Map<String, String> p = r.params;
        Runnable change = beforeNext.remove(action);
        if (change != null) {
            change.run();
        }
        calls.add(new Call(r));
        if (p.getOrDefault("RegionId", "").isEmpty()) {
            throw new ApiError(400, "MissingRegionId", "RegionId is mandatory for this action.");
        }
        switch (action) {
            case "DescribeVServerGroupAttribute":
                return describe(groupOf(p));
            case "DescribeVServerGroups":
                return listGroups(p.getOrDefault("LoadBalancerId", ""));
            case "AddVServerGroupBackendServers":
                return add(groupOf(p), BackendServersParam.parse(p, true));
            case "RemoveVServerGroupBackendServers":
                return remove(groupOf(p), BackendServersParam.parse(p, false));
            case "SetVServerGroupAttribute":
                return set(groupOf(p), BackendServersParam.parse(p, true));
            case "DescribeNetworkInterfaces":
                return enis.describe(p);
            default:
                throw new ApiError(404, "InvalidAction.NotFound", "Specified api is not found: " + action);
        }
    }

    private Group groupOf(Map<String, String> p) throws ApiError {
        Group g = groups.get(p.getOrDefault("VServerGroupId", ""));
        if (g == null) {
            throw new ApiError(404, "InvalidParameter", NO_SUCH_GROUP);
        }
        return g;
    }

    private JsonObject describe(Group g) {
        JsonObject o = new JsonObject();
        o.addProperty("VServerGroupId", g.id);
        o.addProperty("VServerGroupName", g.name);
        o.addProperty("LoadBalancerId", g.lbId);
        JsonArray list = new JsonArray();
        for (Backend b : g.backends.values()) {
            JsonObject j = new JsonObject();
            j.addProperty("ServerId", b.serverId());
            j.addProperty("Port", b.port());
            j.addProperty("Weight", b.weight());
            j.addProperty("Type", WireTypes.wire(b.type()));
            j.addProperty("Description", b.description());
            if (!b.serverIp().isEmpty()) {
                j.addProperty("ServerIp", b.serverIp());
            }
            list.add(j);
        }
        g.rawRows.forEach(list::add);
        JsonObject wrap = new JsonObject();
        wrap.add("BackendServer", list);
        o.add("BackendServers", wrap);
        return o;
    }

    private JsonObject listGroups(String lbId) throws ApiError {
        List<String> ids = groupsByLb.get(lbId);
        if (ids == null) {
            throw new ApiError(404, "InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist.");
        }
        JsonArray list = new JsonArray();
        for (String id : ids) {
            JsonObject j = new JsonObject();
            j.addProperty("VServerGroupId", id);
            j.addProperty("VServerGroupName", groups.get(id).name);
            list.add(j);
        }
        JsonObject wrap = new JsonObject();
        wrap.add("VServerGroup", list);
        JsonObject o = new JsonObject();
        o.add("VServerGroups", wrap);
        return o;
    }

    private JsonObject add(Group g, List<Backend> servers) throws ApiError {
        for (Backend b : servers) {
            if (g.backends.containsKey(b.key())) {
                throw new ApiError(400, "InvalidParameter", "The resource already exists.");
            }
        }
        if (g.backends.size() + servers.size() > g.limit) {
            throw new ApiError(400, "InstanceBackendServerNumberOverLimit", "The number of backend servers exceeds the limit.");
        }
        servers.forEach(b -> g.backends.put(b.key(), b));
        return ok(g);
    }

    private JsonObject remove(Group g, List<Backend> servers) {
        servers.forEach(b -> g.backends.remove(b.key())); // an absent backend is ignored, as documented
        return ok(g);
    }

    private JsonObject set(Group g, List<Backend> servers) throws ApiError {
        requireExisting(g, servers);
        servers.forEach(b -> g.backends.put(b.key(), b));
        return ok(g);
    }

    private static void requireExisting(Group g, List<Backend> servers) throws ApiError {
        for (Backend b : servers) {
            if (!g.backends.containsKey(b.key())) {
                // undocumented: the client must not rely on this answer, only on a describe
                throw new ApiError(400, "InvalidParameter", "The backend server " + b.key() + " is not in the vServer group.");
            }
        }
    }

    private static JsonObject ok(Group g) {
        JsonObject o = new JsonObject();
        o.addProperty("VServerGroupId", g.id);
        return o;
    }

    /**
     * One recorded API call: the action, its parameters and headers (names in lower case), none of them a
     * credential or a signature, and how it was signed.
     */
    public static final class Call {
        private final String action;
        private final Map<String, String> params;
        private final Map<String, String> headers;
        private final String signing;
        private final boolean securityToken;

        Call(WireRequest r) {
            this.action = r.action;
            this.params = r.params;
            this.headers = r.headers;
            this.signing = r.signing;
            this.securityToken = !r.securityToken.isEmpty();
        }

        public String action() { return action; }
        public Map<String, String> params() { return params; }
        public Map<String, String> headers() { return headers; }
        /** The signature's scheme, e.g. {@code ACS3-HMAC-SHA256}. */
        public String signing() { return signing; }
        /** Whether the call carried an STS token. */
        public boolean sentSecurityToken() { return securityToken; }
        /** Whether the call changes anything. */
        public boolean isWrite() { return !action.startsWith("Describe"); }
        @Override public String toString() { return action + " " + params.getOrDefault("VServerGroupId", ""); }
    }

    private static final class Group {
        final String id;
        final String name;
        final String lbId;
        final Map<BackendKey, Backend> backends = new LinkedHashMap<>();
        final List<JsonObject> rawRows = new ArrayList<>();
        int limit = Integer.MAX_VALUE;

        Group(String id, String name, String lbId) {
            this.id = id;
            this.name = name;
            this.lbId = lbId;
        }
    }
}
