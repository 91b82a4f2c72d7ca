package com.clbsync.emulator;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.BackendDescription;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A stateful stand-in for the CLB API (SLB 2014-05-15) on loopback, reached through the real SDK over
 * plain HTTP. It keeps CLB instances, vServer groups and backends, enforces the documented rules (at
 * most 20 backends per call, weight 0..100, description charset and length, unknown group, adding an
 * existing backend) and records every call. Used by the tests and the offline demo.
 */
public final class ClbEmulator implements AutoCloseable {
    /** The error code for adding a backend the group already holds (the emulator's choice of name). */
    public static final String ALREADY_EXISTS = "BackendServer.AlreadyExist";

    private final HttpServer server;
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, List<String>> groupsByLb = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, NextFailures> nextFailures = new TreeMap<>();
    private final java.util.Set<String> expiredTokens = new java.util.HashSet<>();
    private Faults faults = Faults.none();
    private java.util.Random random = new java.util.Random(1);
    private int injected;

    private ClbEmulator(HttpServer server) {
        this.server = server;
    }

    /** Starts on an ephemeral loopback port. */
    public static ClbEmulator start() throws IOException {
        // without TCP_NODELAY the JDK server's small responses wait ~40 ms for delayed ACKs on every call
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
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
        createLoadBalancer(loadBalancerId);
        groups.put(groupId, new Group(groupId, "group-" + groupId, loadBalancerId));
        groupsByLb.get(loadBalancerId).add(groupId);
    }

    /** Puts a backend straight into a group, as a person in the console would. */
    public synchronized void putBackend(String groupId, Backend backend) {
        group(groupId).backends.put(backend.key(), backend);
    }

    public synchronized List<Backend> backends(String groupId) {
        return List.copyOf(group(groupId).backends.values());
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Makes the next {@code times} calls of {@code action} fail with {@code code} (HTTP 400) and change nothing. */
    public synchronized void failNext(String action, int times, String code) {
        nextFailures.put(action, new NextFailures(times, code));
    }

    /** Injects these faults into every call from now on, drawing from a random sequence seeded with {@code seed}. */
    public synchronized void inject(Faults newFaults, long seed) {
        this.faults = newFaults;
        this.random = new java.util.Random(seed);
    }

    /** How many calls a fault was injected into. */
    public synchronized int injectedFaults() {
        return injected;
    }

    /** Requests signed with this STS token are refused as expired, as the CLB does once a token has run out. */
    public synchronized void expireSecurityToken(String token) {
        expiredTokens.add(token);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
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
            Map<String, String> params = params(ex);
            String action = ex.getRequestHeaders().getFirst("x-acs-action");
            if (action == null) {
                action = params.getOrDefault("Action", "");
            }
            boolean signed = ex.getRequestHeaders().getFirst("Authorization") != null || params.containsKey("Signature");
            JsonObject body;
            int status = 200;
            try {
                if (!signed) {
                    throw new ApiError(400, "MissingSignature", "The request is not signed.");
                }
                if (isExpired(ex.getRequestHeaders().getFirst("x-acs-security-token"), params.get("SecurityToken"))) {
                    throw new ApiError(400, "InvalidSecurityToken.Expired", "The security token you provided has expired.");
                }
                Fault fault = drawFault(action);
                sleep(faults.delay);
                if (fault == Fault.TIMEOUT) {
                    record(action, params);
                    sleep(faults.hang); // the client gives up first; nothing was changed
                    throw new ApiError(504, "", "late answer");
                }
                if (fault == Fault.AMBIGUOUS) {
                    body = dispatch(action, params); // applied, but the answer comes too late
                    sleep(faults.hang);
                } else if (fault != null) {
                    record(action, params);
                    throw fault.error();
                } else {
                    body = dispatch(action, params);
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
            byte[] bytes = new Gson().toJson(body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        } finally {
            ex.close();
        }
    }

    private synchronized boolean isExpired(String headerToken, String queryToken) {
        return (headerToken != null && expiredTokens.contains(headerToken))
                || (queryToken != null && expiredTokens.contains(queryToken));
    }

    private synchronized void record(String action, Map<String, String> p) {
        calls.add(new Call(action, p));
    }

    /** The fault, if any, this call gets: scripted first-N failures, then the random rates. */
    private synchronized Fault drawFault(String action) {
        NextFailures next = nextFailures.get(action);
        if (next != null && next.remaining > 0) {
            next.remaining--;
            injected++;
            return Fault.scripted(next.code);
        }
        boolean write = !action.startsWith("Describe");
        double r = random.nextDouble();
        Fault f = null;
        if (r < faults.throttle) {
            f = Fault.THROTTLED;
        } else if (write && r < faults.throttle + faults.configuring) {
            f = Fault.CONFIGURING;
        } else if (r < faults.throttle + faults.configuring + faults.serverErrors) {
            f = Fault.SERVER_ERROR;
        } else if (r < faults.throttle + faults.configuring + faults.serverErrors + faults.timeouts) {
            f = write && random.nextBoolean() ? Fault.AMBIGUOUS : Fault.TIMEOUT;
        }
        if (f != null) {
            injected++;
        }
        return f;
    }

    private static void sleep(java.time.Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized JsonObject dispatch(String action, Map<String, String> p) throws ApiError {
        calls.add(new Call(action, p));
        if (p.getOrDefault("RegionId", "").isEmpty()) {
            throw new ApiError(400, "MissingRegionId", "RegionId is mandatory for this action.");
        }
        switch (action) {
            case "DescribeVServerGroupAttribute":
                return describe(groupOf(p));
            case "DescribeVServerGroups":
                return listGroups(p.getOrDefault("LoadBalancerId", ""));
            case "AddVServerGroupBackendServers":
                return add(groupOf(p), servers(p, true));
            case "RemoveVServerGroupBackendServers":
                return remove(groupOf(p), servers(p, false));
            case "SetVServerGroupAttribute":
                return set(groupOf(p), servers(p, true));
            default:
                throw new ApiError(404, "InvalidAction.NotFound", "Specified api is not found: " + action);
        }
    }

    private Group groupOf(Map<String, String> p) throws ApiError {
        Group g = groups.get(p.getOrDefault("VServerGroupId", ""));
        if (g == null) {
            throw new ApiError(400, "InvalidParameter.VServerGroupId", "The specified VServerGroupId does not exist.");
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
            j.addProperty("Type", b.type());
            j.addProperty("Description", b.description());
            if (!b.serverIp().isEmpty()) {
                j.addProperty("ServerIp", b.serverIp());
            }
            list.add(j);
        }
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
                throw new ApiError(400, ALREADY_EXISTS, "The backend server " + b.key() + " already exists in the group.");
            }
        }
        if (g.backends.size() + servers.size() > g.limit) {
            throw new ApiError(400, "InstanceBackendServerNumberOverLimit", "The number of backend servers exceeds the limit.");
        }
        servers.forEach(b -> g.backends.put(b.key(), b));
        return ok(g);
    }

    private JsonObject remove(Group g, List<Backend> servers) throws ApiError {
        requireExisting(g, servers);
        servers.forEach(b -> g.backends.remove(b.key()));
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
                throw new ApiError(400, "InvalidBackendServer.NotExist", "The backend server " + b.key() + " is not in the group.");
            }
        }
    }

    private static JsonObject ok(Group g) {
        JsonObject o = new JsonObject();
        o.addProperty("VServerGroupId", g.id);
        return o;
    }

    /** Parses and validates {@code BackendServers} as the CLB does. */
    private static List<Backend> servers(Map<String, String> p, boolean withSettings) throws ApiError {
        JsonArray array;
        try {
            JsonElement e = JsonParser.parseString(p.getOrDefault("BackendServers", ""));
            array = e.getAsJsonArray();
        } catch (RuntimeException e) {
            throw new ApiError(400, "InvalidParameter", "BackendServers is not a JSON array.");
        }
        if (array.size() < 1 || array.size() > 20) {
            throw new ApiError(400, "InvalidParameter", "BackendServers must hold 1 to 20 servers, not " + array.size() + ".");
        }
        List<Backend> out = new ArrayList<>();
        java.util.Set<BackendKey> seen = new java.util.HashSet<>();
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            String serverId = text(o, "ServerId");
            if (serverId.isEmpty()) {
                throw new ApiError(400, "InvalidParameter", "ServerId is mandatory.");
            }
            int port = number(o, "Port", -1);
            if (port < 1 || port > 65535) {
                throw new ApiError(400, "InvalidParameter", "Port must be 1..65535.");
            }
            String type = text(o, "Type").isEmpty() ? "ecs" : text(o, "Type");
            if (!List.of("ecs", "eni", "eci").contains(type)) {
                throw new ApiError(400, "InvalidParameter", "Type must be ecs, eni or eci.");
            }
            String ip = text(o, "ServerIp");
            if (!type.equals("ecs") && ip.isEmpty()) {
                throw new ApiError(400, "InvalidParameter", "ServerIp is mandatory for " + type + " backends.");
            }
            int weight = withSettings ? number(o, "Weight", 100) : 100;
            if (weight < 0 || weight > 100) {
                throw new ApiError(400, "InvalidParameter", "Weight must be 0..100.");
            }
            String description = withSettings ? text(o, "Description") : "";
            if (!BackendDescription.ALLOWED.matcher(description).matches()) {
                throw new ApiError(400, "InvalidParameter", "Description must be at most 80 letters, digits, '-', '/', '.' or '_'.");
            }
            Backend b = Backend.of(BackendKey.of(serverId, port, type.equals("ecs") ? "" : ip), type, weight, description);
            if (!seen.add(b.key())) {
                throw new ApiError(400, "InvalidParameter", "BackendServers lists " + b.key() + " twice.");
            }
            out.add(b);
        }
        return out;
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "";
    }

    private static int number(JsonObject o, String field, int dflt) throws ApiError {
        String t = text(o, field);
        if (t.isEmpty()) {
            return dflt;
        }
        if (!t.matches("-?\\d{1,9}")) {
            throw new ApiError(400, "InvalidParameter", field + " must be an integer.");
        }
        return Integer.parseInt(t);
    }

    private static Map<String, String> params(HttpExchange ex) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        decode(ex.getRequestURI().getRawQuery(), out);
        byte[] body = ex.getRequestBody().readAllBytes();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0 && type != null && type.startsWith("application/x-www-form-urlencoded")) {
            decode(new String(body, StandardCharsets.UTF_8), out);
        }
        return out;
    }

    private static void decode(String raw, Map<String, String> out) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
    }

    /** One recorded API call: the action and its parameters. */
    public static final class Call {
        private final String action;
        private final Map<String, String> params;

        Call(String action, Map<String, String> params) {
            this.action = action;
            this.params = Map.copyOf(params);
        }

        public String action() { return action; }
        public Map<String, String> params() { return params; }
        /** Whether the call changes anything. */
        public boolean isWrite() { return !action.startsWith("Describe"); }
        @Override public String toString() { return action + " " + params.getOrDefault("VServerGroupId", ""); }
    }

    private static final class Group {
        final String id;
        final String name;
        final String lbId;
        final Map<BackendKey, Backend> backends = new LinkedHashMap<>();
        int limit = Integer.MAX_VALUE;

        Group(String id, String name, String lbId) {
            this.id = id;
            this.name = name;
            this.lbId = lbId;
        }
    }

    private static final class NextFailures {
        int remaining;
        final String code;

        NextFailures(int remaining, String code) {
            this.remaining = remaining;
            this.code = code;
        }
    }

    /** A fault injected into one call. */
    private static final class Fault {
        static final Fault THROTTLED = new Fault(400, "Throttling.User", "Request was denied due to user flow control.");
        static final Fault CONFIGURING = new Fault(400, "BackendServer.configuring",
                "A previous configuration of the load balancer is pending, please try again later.");
        static final Fault SERVER_ERROR = new Fault(503, "ServiceUnavailable", "The request has failed due to a temporary failure.");
        static final Fault TIMEOUT = new Fault(504, "", "");
        static final Fault AMBIGUOUS = new Fault(504, "", "");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        static Fault scripted(String code) {
            return new Fault(400, code, "Injected failure.");
        }

        ApiError error() {
            return new ApiError(status, code, message);
        }
    }

    /** Random faults: rates per call (configuring only hits writes), a delay on every call, and how long a timeout hangs. */
    public static final class Faults {
        final double throttle;
        final double configuring;
        final double serverErrors;
        final double timeouts;
        final java.time.Duration delay;
        final java.time.Duration hang;

        private Faults(double throttle, double configuring, double serverErrors, double timeouts, java.time.Duration delay,
                       java.time.Duration hang) {
            this.throttle = throttle;
            this.configuring = configuring;
            this.serverErrors = serverErrors;
            this.timeouts = timeouts;
            this.delay = delay;
            this.hang = hang;
        }

        public static Faults none() {
            return new Faults(0, 0, 0, 0, java.time.Duration.ZERO, java.time.Duration.ZERO);
        }

        public Faults throttle(double rate) { return new Faults(rate, configuring, serverErrors, timeouts, delay, hang); }
        public Faults configuring(double rate) { return new Faults(throttle, rate, serverErrors, timeouts, delay, hang); }
        public Faults serverErrors(double rate) { return new Faults(throttle, configuring, rate, timeouts, delay, hang); }
        /** Calls that answer only after {@code hangFor}; half of the timed-out writes are applied anyway. */
        public Faults timeouts(double rate, java.time.Duration hangFor) {
            return new Faults(throttle, configuring, serverErrors, rate, delay, hangFor);
        }
        public Faults delay(java.time.Duration d) { return new Faults(throttle, configuring, serverErrors, timeouts, d, hang); }
    }

    private static final class ApiError extends Exception {
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
