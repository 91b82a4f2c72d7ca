package com.clbsync.config;

import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.plan.Access;
import com.clbsync.plan.BackendType;
import com.clbsync.plan.NotReadyStorm;
import com.clbsync.plan.OwnerIds;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the YAML (or JSON) configuration into a {@link SyncConfig}, collecting every problem before
 * failing. Relative paths ({@code tokenFile}, {@code kubeconfig}) are taken from the configuration
 * file's directory. Problems never quote a token.
 */
public final class ConfigLoader {
    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9._-]{1,48}");
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    static final Set<String> TOP_KEYS = Set.of("region", "clb", "weightMode", "loadBalancerIds", "clusters",
            "failOpenNotReadyFraction", "network", "ack", "ecs", "drainSeconds", "cacheSeconds", "access");
    static final Set<String> CLB_KEYS = Set.of("endpoint", "rateLimits", "quotaShare");
    static final Set<String> ACK_KEYS = Set.of("endpoint");
    static final Set<String> ECS_KEYS = Set.of("endpoint");
    static final Set<String> CLUSTER_KEYS = Set.of("name", "ownerId", "identity", "ackClusterId", "server", "token", "tokenFile",
            "certificateAuthorityData", "kubeconfig", "context", "insecureSkipTlsVerify", "timeoutSeconds", "backendType");
    /**
     * Keys whose values are never printed in a problem: they hold credentials, or are where one is
     * pasted by mistake (a token as the server, a kubeconfig as a path). A problem names the field and
     * the kind of value instead.
     */
    static final Set<String> SECRET_KEYS = Set.of("server", "token", "tokenFile", "certificateAuthorityData", "kubeconfig");

    private final Path baseDir;
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader(Path baseDir) {
        this.baseDir = baseDir;
    }

    public static SyncConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of("--config " + file + ": " + whyUnreadable(file)));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, dir == null ? Path.of(".") : dir);
    }

    /** Why a file cannot be read, in words. */
    public static String whyUnreadable(Path file) {
        if (!Files.exists(file)) {
            return "does not exist";
        }
        if (Files.isDirectory(file)) {
            return "is a directory, not a file";
        }
        if (!Files.isReadable(file)) {
            return "cannot be read (permission denied)";
        }
        return "cannot be read";
    }

    public static SyncConfig parse(String text, Path baseDir) throws ConfigException {
        return new ConfigLoader(baseDir).read(text);
    }

    private SyncConfig read(String text) throws ConfigException {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // a key given twice is a mistake, not last-one-wins
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            // the problem and its place only: the snippet SnakeYAML would quote may hold a token
            Mark mark = e.getProblemMark();
            throw new ConfigException(List.of("configuration: not valid YAML or JSON"
                    + (mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
                    + ": " + (e.getProblem() == null ? "syntax error" : e.getProblem())));
        } catch (YAMLException e) {
            throw new ConfigException(List.of("configuration: not valid YAML or JSON"));
        }
        if (!(root instanceof Map)) {
            throw new ConfigException(List.of("configuration: must be a mapping with region and clusters"));
        }
        Map<?, ?> top = (Map<?, ?>) root;
        unknownKeys(top, TOP_KEYS, "");
        String region = string(top, "region", "region", true);
        if (region != null && !REGION.matcher(region).matches()) {
            problems.add("region: \"" + region + "\" is not a region id like cn-hangzhou");
        }
        String endpoint = clbEndpoint(top.get("clb"));
        String ackEndpoint = endpointOf(top.get("ack"), "ack", ACK_KEYS);
        String ecsEndpoint = endpointOf(top.get("ecs"), "ecs", ECS_KEYS);
        int drainSeconds = integer(top, "drainSeconds", "drainSeconds", 0, 0, 3600);
        int cacheSeconds = integer(top, "cacheSeconds", "cacheSeconds", SyncConfig.DEFAULT_CACHE_SECONDS, 0, 3600);
        Quotas quotas = quotas(top.get("clb") instanceof Map ? (Map<?, ?>) top.get("clb") : Map.of());
        WeightMode mode = weightMode(string(top, "weightMode", "weightMode", false));
        List<String> lbIds = loadBalancerIds(top.get("loadBalancerIds"));
        List<ClusterConfig> clusters = clusters(top.get("clusters"));
        double failOpen = fraction(top, "failOpenNotReadyFraction", "failOpenNotReadyFraction", NotReadyStorm.DEFAULT_FRACTION);
        Network network = network(string(top, "network", "network", false));
        Set<String> clusterNames = new TreeSet<>(); // every entry's name, also of entries with problems of their own
        if (top.get("clusters") instanceof List) {
            ((List<?>) top.get("clusters")).stream().filter(e -> e instanceof Map && ((Map<?, ?>) e).get("name") instanceof String)
                    .forEach(e -> clusterNames.add((String) ((Map<?, ?>) e).get("name")));
        }
        Access access = AccessParser.parse(top.get("access"), clusterNames, problems);
        for (int i = 0; access.declared() && i < lbIds.size(); i++) {
            if (!access.loadBalancerIds().contains(lbIds.get(i))) {
                problems.add("loadBalancerIds[" + i + "]: " + lbIds.get(i) + " is not in access: clb-sync may write only the"
                        + " load balancers access lists");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return SyncConfig.of(region, endpoint, mode, lbIds, clusters).withFailOpenNotReadyFraction(failOpen)
                .withClbQuotas(quotas).withNetwork(network).withAckEndpoint(ackEndpoint).withEcsEndpoint(ecsEndpoint)
                .withDrainSeconds(drainSeconds).withCacheSeconds(cacheSeconds).withAccess(access);
    }

    private String clbEndpoint(Object clb) {
        if (clb == null) {
            return "";
        }
        if (!(clb instanceof Map)) {
            problems.add("clb: must be a mapping (endpoint)");
            return "";
        }
        unknownKeys((Map<?, ?>) clb, CLB_KEYS, "clb.");
        String endpoint = string((Map<?, ?>) clb, "endpoint", "clb.endpoint", false);
        if (endpoint == null || endpoint.isEmpty()) {
            return "";
        }
        if (endpoint.contains("://")) {
            URI uri = uri(endpoint);
            if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
                problems.add("clb.endpoint: \"" + endpoint + "\" must be a host name, or http(s)://host[:port]");
            }
        } else if (!endpoint.matches("[A-Za-z0-9.-]+(:\\d{1,5})?")) {
            problems.add("clb.endpoint: \"" + endpoint + "\" must be a host name, or http(s)://host[:port]");
        }
        Transport.refusal(endpoint).ifPresent(why -> problems.add("clb.endpoint: " + why));
        return endpoint.replaceAll("/$", "");
    }

    /** {@code ack.endpoint}, {@code ecs.endpoint}: that API's endpoint, when not the network's. */
    private String endpointOf(Object section, String name, Set<String> keys) {
        if (section == null) {
            return "";
        }
        if (!(section instanceof Map)) {
            problems.add(name + ": must be a mapping (endpoint)");
            return "";
        }
        unknownKeys((Map<?, ?>) section, keys, name + ".");
        String endpoint = string((Map<?, ?>) section, "endpoint", name + ".endpoint", false);
        if (endpoint != null && !endpoint.matches("(https?://)?[A-Za-z0-9.-]+(:\\d{1,5})?/?")) {
            problems.add(name + ".endpoint: \"" + endpoint + "\" must be a host name, or http(s)://host[:port]");
        } else if (endpoint != null) {
            Transport.refusal(endpoint).ifPresent(why -> problems.add(name + ".endpoint: " + why));
        }
        return endpoint == null ? "" : endpoint.replaceAll("/$", "");
    }

    /** {@code clb.rateLimits} (action: "calls/period") and {@code clb.quotaShare}. */
    private Quotas quotas(Map<?, ?> clb) {
        Map<String, Rate> rates = new TreeMap<>();
        Object limits = clb.get("rateLimits");
        if (limits != null && !(limits instanceof Map)) {
            problems.add("clb.rateLimits: must be a mapping of action to \"calls/period\", e.g. AddVServerGroupBackendServers: 90/60s");
        } else if (limits != null) {
            ((Map<?, ?>) limits).forEach((k, v) -> {
                String action = String.valueOf(k);
                Optional<Rate> rate = v instanceof String ? Rate.parse((String) v) : Optional.empty();
                if (!Quotas.ACTIONS.contains(action)) {
                    problems.add("clb.rateLimits." + action + ": not an action clb-sync calls (" + new TreeSet<>(Quotas.ACTIONS) + ")");
                } else if (rate.isEmpty()) {
                    problems.add("clb.rateLimits." + action + ": \"" + v + "\" is not calls/period like \"90/60s\" (ms, s or m)");
                } else {
                    rates.put(action, rate.get());
                }
            });
        }
        double share = fraction(clb, "quotaShare", "clb.quotaShare", 1.0);
        return Quotas.of(rates, share);
    }

    private Network network(String value) {
        if (value == null) {
            return Network.PUBLIC;
        }
        for (Network n : Network.values()) {
            if (n.key().equals(value)) {
                return n;
            }
        }
        problems.add("network: \"" + value + "\" is not one of: public, vpc");
        return Network.PUBLIC;
    }

    private WeightMode weightMode(String value) {
        if (value == null) {
            return WeightMode.GLOBAL;
        }
        for (WeightMode m : WeightMode.values()) {
            if (m.key().equals(value)) {
                return m;
            }
        }
        problems.add("weightMode: \"" + value + "\" is not one of: global, ccm");
        return WeightMode.GLOBAL;
    }

    private List<String> loadBalancerIds(Object value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        if (!(value instanceof List)) {
            problems.add("loadBalancerIds: must be a list of CLB instance ids");
            return ids;
        }
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            Object id = list.get(i);
            if (!(id instanceof String) || !RESOURCE_ID.matcher((String) id).matches()) {
                problems.add("loadBalancerIds[" + i + "]: \"" + id + "\" is not a CLB instance id");
            } else {
                ids.add((String) id);
            }
        }
        return ids;
    }

    private List<ClusterConfig> clusters(Object value) {
        List<ClusterConfig> out = new ArrayList<>();
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            problems.add("clusters: must be a non-empty list");
            return out;
        }
        Set<String> names = new HashSet<>();
        Set<String> owners = new HashSet<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            String at = "clusters[" + i + "]";
            if (!(list.get(i) instanceof Map)) {
                problems.add(at + ": must be a mapping");
                continue;
            }
            Map<?, ?> m = (Map<?, ?>) list.get(i);
            // uniqueness is checked even for an entry with other problems: every bad field in one pass
            Object name = m.get("name");
            Object ownerId = m.containsKey("ownerId") ? m.get("ownerId") : name;
            if (name instanceof String && !names.add((String) name)) {
                problems.add(at + ".name: \"" + name + "\" is used by another cluster");
            }
            if (ownerId instanceof String && !owners.add((String) ownerId)) {
                problems.add(at + ".ownerId: \"" + ownerId + "\" is the owner id of another cluster; each must be unique");
            }
            ClusterConfig c = cluster(m, at);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private ClusterConfig cluster(Map<?, ?> m, String at) {
        int before = problems.size();
        unknownKeys(m, CLUSTER_KEYS, at + ".");
        String name = string(m, "name", at + ".name", true);
        if (name != null && !DNS_LABEL.matcher(name).matches()) {
            problems.add(at + ".name: \"" + name + "\" must be a DNS label (lower-case letters, digits and '-', at most 63)");
        }
        String ownerId = string(m, "ownerId", at + ".ownerId", false);
        if (ownerId != null && !OWNER_ID.matcher(ownerId).matches()) {
            problems.add(at + ".ownerId: \"" + ownerId + "\" must be 1..48 letters, digits, '.', '_' or '-'");
        }
        String identity = string(m, "identity", at + ".identity", false);
        if (identity != null && !OwnerIds.isUid(identity)) {
            problems.add(at + ".identity: not a cluster identity as `clb-sync check` prints it (the UID of its kube-system"
                    + " namespace: 8-4-4-4-12 hex digits; " + kindOf(identity) + " given, not shown)");
        }
        String ackClusterId = string(m, "ackClusterId", at + ".ackClusterId", false);
        if (ackClusterId != null && !ackClusterId.matches("[a-z0-9]{1,64}")) {
            problems.add(at + ".ackClusterId: \"" + ackClusterId + "\" is not an ACK cluster id (lower-case letters and digits)");
        }
        String server = string(m, "server", at + ".server", false);
        String token = string(m, "token", at + ".token", false);
        String tokenFile = string(m, "tokenFile", at + ".tokenFile", false);
        String ca = string(m, "certificateAuthorityData", at + ".certificateAuthorityData", false);
        String kubeconfig = string(m, "kubeconfig", at + ".kubeconfig", false);
        String context = string(m, "context", at + ".context", false);
        boolean insecure = bool(m, "insecureSkipTlsVerify", at + ".insecureSkipTlsVerify");
        int timeout = integer(m, "timeoutSeconds", at + ".timeoutSeconds", 30, 1, 300);
        String backendTypeValue = string(m, "backendType", at + ".backendType", false);
        BackendType backendType = BackendType.ECS;
        if (backendTypeValue != null) {
            Optional<BackendType> parsed = BackendType.parse(backendTypeValue).filter(t -> t != BackendType.ECI);
            if (parsed.isEmpty()) {
                problems.add(at + ".backendType: \"" + backendTypeValue + "\" is not one of: ecs, eni");
            } else {
                backendType = parsed.get();
            }
        }

        if (server == null && kubeconfig == null && ackClusterId == null) {
            problems.add(at + ": needs server (with token or tokenFile), kubeconfig, or ackClusterId alone (a"
                    + " short-lived kubeconfig from the ACK API for clb-sync's own credentials)");
        } else if (server != null && kubeconfig != null) {
            problems.add(at + ": server and kubeconfig exclude each other");
        }
        if (server != null) {
            URI uri = uri(server);
            if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                problems.add(at + ".server: must be an https:// URL with a host (" + kindOf(server) + " given; not shown)");
            } else {
                Transport.refusal(server).ifPresent(why -> problems.add(at + ".server: " + why));
            }
            if (token == null && tokenFile == null) {
                problems.add(at + ".token: needed with server (or tokenFile)");
            } else if (token != null && tokenFile != null) {
                problems.add(at + ".tokenFile: token and tokenFile exclude each other");
            } else if (token != null && token.isBlank()) {
                problems.add(at + ".token: empty");
            }
        } else if (token != null || tokenFile != null || ca != null) {
            problems.add(at + ": token, tokenFile and certificateAuthorityData go with server, not kubeconfig");
        }
        if (tokenFile != null && !Files.isReadable(resolve(tokenFile))) {
            problems.add(at + ".tokenFile: no readable file at the path given (" + kindOf(tokenFile) + "; not shown, in case a"
                    + " token was pasted here: it belongs in token)");
        }
        if (ca != null && !isBase64(ca)) {
            problems.add(at + ".certificateAuthorityData: not base64 (it holds the PEM, base64-encoded, as in a kubeconfig)");
        }
        if (context != null && kubeconfig == null) {
            problems.add(at + ".context: goes with kubeconfig");
        }
        String kubeconfigValue = kubeconfig;
        if (kubeconfig != null && looksBase64Kubeconfig(kubeconfig)) {
            problems.add(at + ".kubeconfig: holds base64 (not shown): give the kubeconfig as text (kubeconfig: |) or a"
                    + " file's path");
        } else if (kubeconfig != null && !ClusterConfig.isInlineKubeconfig(kubeconfig)) {
            Path path = resolve(kubeconfig);
            if (!Files.isReadable(path)) {
                problems.add(at + ".kubeconfig: no readable file at the path given (" + kindOf(kubeconfig) + "; not shown)");
            }
            kubeconfigValue = path.toString();
        }
        if (problems.size() > before || name == null) {
            return null;
        }
        return ClusterConfig.builder(name).ownerId(ownerId).identity(identity).ackClusterId(ackClusterId).server(server).token(token)
                .tokenFile(tokenFile == null ? null : resolve(tokenFile).toString()).certificateAuthorityData(ca)
                .kubeconfig(kubeconfigValue).context(context).insecureSkipTlsVerify(insecure).timeoutSeconds(timeout)
                .backendType(backendType).build();
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    private void unknownKeys(Map<?, ?> m, Set<String> known, String prefix) {
        for (Object key : m.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(prefix + key + ": unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private String string(Map<?, ?> m, String key, String field, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) {
                problems.add(field + ": required");
            }
            return null;
        }
        if (!(v instanceof String)) {
            problems.add(field + ": must be a string" + (SECRET_KEYS.contains(key)
                    ? (key.equals("kubeconfig") ? " (the kubeconfig as text, kubeconfig: |, or a path)" : "")
                    + ", not " + kindOf(v) + " (not shown)" : ", not " + v));
            return null;
        }
        return ((String) v).trim();
    }

    private boolean bool(Map<?, ?> m, String key, String field) {
        Object v = m.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean)) {
            problems.add(field + ": must be true or false, not " + v);
            return false;
        }
        return (Boolean) v;
    }

    /** A number in (0, 1], or the default when absent. */
    private double fraction(Map<?, ?> m, String key, String field, double dflt) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number) || !(((Number) v).doubleValue() > 0) || ((Number) v).doubleValue() > 1) {
            problems.add(field + ": \"" + v + "\" must be a number above 0 and at most 1");
            return dflt;
        }
        return ((Number) v).doubleValue();
    }

    private int integer(Map<?, ?> m, String key, String field, int dflt, int min, int max) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Integer) || (Integer) v < min || (Integer) v > max) {
            problems.add(field + ": must be a whole number " + min + ".." + max + ", not " + v);
            return dflt;
        }
        return (Integer) v;
    }

    /** What kind of value this is, for a problem that may not show it. */
    static String kindOf(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return "a " + v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
        String s = String.valueOf(v);
        return "a text of " + s.length() + (s.length() == 1 ? " character" : " characters");
    }

    /** A kubeconfig pasted base64-encoded (as kubectl's secrets hold it): one long word that decodes to one. */
    private static boolean looksBase64Kubeconfig(String v) {
        String t = v.replaceAll("\\s", "");
        if (t.length() < 40 || !t.matches("[A-Za-z0-9+/=_-]+")) {
            return false;
        }
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(t), StandardCharsets.UTF_8);
            return decoded.contains("apiVersion") || decoded.contains("clusters");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static URI uri(String s) {
        try {
            URI uri = new URI(s);
            return uri.getScheme() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isBase64(String s) {
        try {
            Base64.getDecoder().decode(s.replaceAll("\\s", ""));
            return !s.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
