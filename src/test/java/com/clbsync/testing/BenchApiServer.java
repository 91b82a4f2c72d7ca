package com.clbsync.testing;

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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-mostly Kubernetes API server on loopback for benchmarks at scale: objects are held as JSON
 * text and served as the real API server serves them (paginated lists with {@code limit} and
 * {@code continue}, gets by name with 404, EndpointSlices by {@code kubernetes.io/service-name}
 * label, watches from a list's resourceVersion with a bookmark, Events accepted). Counts the requests and
 * the bytes it sends. The benchmark changes objects
 * between runs with {@link #put}; tests make it slow ({@link #delay}), strict about the token
 * ({@link #acceptOnlyToken}) or expire continue tokens ({@link #expireContinues}).
 */
public final class BenchApiServer implements AutoCloseable {
    private static final Pattern NAMESPACED = Pattern.compile("/(?:api/v1|apis/discovery\\.k8s\\.io/v1)/namespaces/([^/]+)/([a-z]+)(?:/([^/]+))?");
    private static final Pattern CLUSTER_WIDE = Pattern.compile("/(?:api/v1|apis/discovery\\.k8s\\.io/v1)/([a-z]+)(?:/([^/]+))?");
    private final HttpServer server;
    /** resource -> namespace/name (or name) -> JSON; slices also by their Service. */
    private final Map<String, Map<String, String>> objects = new LinkedHashMap<>();
    private final Map<String, String> serviceOfSlice = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, Long> delays = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String onlyToken;
    /** The count of writes so far: the resourceVersion lists stand at. */
    private long version = 1;
    /** resource -> key -> the version of its last write: what a watch from an earlier version sends. */
    private final Map<String, Map<String, Long>> writtenAt = new LinkedHashMap<>();
    private volatile boolean compacted;
    private final java.util.concurrent.atomic.AtomicInteger expireContinues = new java.util.concurrent.atomic.AtomicInteger();

    private BenchApiServer(HttpServer server) {
        this.server = server;
        for (String r : List.of("services", "endpointslices", "nodes")) {
            objects.put(r, new LinkedHashMap<>());
        }
        // which cluster this is, as every real one says: the UID of its kube-system namespace
        objects.put("namespaces", new LinkedHashMap<>(Map.of("kube-system", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                + "\"metadata\":{\"name\":\"kube-system\",\"uid\":\"" + java.util.UUID.randomUUID() + "\"}}")));
    }

    public static BenchApiServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        BenchApiServer s = new BenchApiServer(http);
        http.createContext("/", s::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-api-server");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Stores an object ({@code services}, {@code endpointslices} or {@code nodes}) under its key
     * ({@code namespace/name}, or the name of a Node); {@code service} names a slice's Service.
     */
    public synchronized void put(String resource, String key, String json, String service) {
        objects.get(resource).put(key, json);
        writtenAt.computeIfAbsent(resource, r -> new LinkedHashMap<>()).put(key, ++version);
        if (service != null) {
            serviceOfSlice.put(key, service);
        }
    }

    /** Every request whose path ends with {@code pathEnd} ({@code /events}, {@code /nodes}) answers only after {@code delay}. */
    public BenchApiServer delay(String pathEnd, java.time.Duration delay) {
        delays.put(pathEnd, delay.toMillis());
        return this;
    }

    /** Answers 401 to any request without this bearer token (a kubeconfig the server no longer accepts). */
    public BenchApiServer acceptOnlyToken(String token) {
        onlyToken = token;
        return this;
    }

    /** The next {@code times} list requests with a continue token answer 410 Expired, as a real server does. */
    public BenchApiServer expireContinues(int times) {
        expireContinues.set(times);
        return this;
    }

    /** While set, a watch answers 410: the history since any earlier list is compacted. */
    public BenchApiServer compactHistory(boolean v) {
        compacted = v;
        return this;
    }

    public long requests() { return requests.get(); }
    public long bytes() { return bytes.get(); }

    private void handle(HttpExchange ex) throws IOException {
        try {
            requests.incrementAndGet();
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            ex.getRequestBody().readAllBytes();
            delays.forEach((end, millis) -> {
                if (path.endsWith(end)) {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (onlyToken != null && !("Bearer " + onlyToken).equals(auth)) {
                reply(ex, 401, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Unauthorized\",\"code\":401}");
                return;
            }
            if (q.containsKey("continue") && expireContinues.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(ex, 410, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Expired\","
                        + "\"message\":\"The provided continue parameter is too old\",\"code\":410}");
                return;
            }
            String body;
            int status = 200;
            Matcher ns = NAMESPACED.matcher(path);
            Matcher all = CLUSTER_WIDE.matcher(path);
            synchronized (this) {
                if (ns.matches() && ns.group(2).equals("events")) {
                    status = 201;
                    body = "{\"kind\":\"Event\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"e\",\"namespace\":\"" + ns.group(1) + "\"}}";
                } else if (ns.matches() && ns.group(3) != null) {
                    body = objects.getOrDefault(ns.group(2), Map.of()).get(ns.group(1) + "/" + ns.group(3));
                } else if (ns.matches()) {
                    String selector = q.getOrDefault("labelSelector", "");
                    String service = selector.startsWith("kubernetes.io/service-name=") ? selector.substring(27) : null;
                    List<String> items = new ArrayList<>();
                    objects.getOrDefault(ns.group(2), Map.of()).forEach((k, v) -> {
                        if (k.startsWith(ns.group(1) + "/") && (service == null
                                || (ns.group(1) + "/" + service).equals(serviceOfSlice.get(k)))) {
                            items.add(v);
                        }
                    });
                    body = list(ns.group(2), items, q);
                } else if (all.matches() && all.group(2) != null) {
                    body = objects.getOrDefault(all.group(1), Map.of()).get(all.group(2));
                } else if (all.matches() && "true".equals(q.get("watch"))) {
                    body = watch(all.group(1), q.getOrDefault("resourceVersion", ""));
                } else if (all.matches()) {
                    body = list(all.group(1), new ArrayList<>(objects.getOrDefault(all.group(1), Map.of()).values()), q)
                            .replace("\"resourceVersion\":\"1\"", "\"resourceVersion\":\"" + version + "\"");
                } else {
                    body = null;
                }
            }
            if (body == null) {
                status = 404;
                body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
            }
            reply(ex, status, body);
        } finally {
            ex.close();
        }
    }

    /** The objects written since {@code from}, one MODIFIED event per line, then a BOOKMARK at the present version. */
    private String watch(String resource, String from) {
        if (compacted || !from.matches("\\d+")) {
            return "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"reason\":\"Expired\",\"message\":\"too old resource version\",\"code\":410}}\n";
        }
        long since = Long.parseLong(from);
        StringBuilder lines = new StringBuilder();
        writtenAt.getOrDefault(resource, Map.of()).forEach((key, at) -> {
            if (at > since) {
                lines.append("{\"type\":\"MODIFIED\",\"object\":").append(objects.get(resource).get(key)).append("}\n");
            }
        });
        return lines.append("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"").append(version)
                .append("\"}}}\n").toString();
    }

    private void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        bytes.addAndGet(out.length);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    /** One page: {@code limit} items from the offset the {@code continue} token holds. */
    private static String list(String resource, List<String> items, Map<String, String> q) {
        int limit = Integer.parseInt(q.getOrDefault("limit", "0"));
        int from = q.containsKey("continue") ? Integer.parseInt(q.get("continue")) : 0;
        int to = limit <= 0 ? items.size() : Math.min(items.size(), from + limit);
        String kind = resource.equals("endpointslices") ? "EndpointSliceList" : resource.equals("nodes") ? "NodeList" : "ServiceList";
        StringBuilder sb = new StringBuilder("{\"kind\":\"").append(kind).append("\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"1\"");
        if (to < items.size()) {
            sb.append(",\"continue\":\"").append(to).append('"');
        }
        sb.append("},\"items\":[");
        for (int i = from; i < to; i++) {
            sb.append(i > from ? "," : "").append(items.get(i));
        }
        return sb.append("]}").toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
