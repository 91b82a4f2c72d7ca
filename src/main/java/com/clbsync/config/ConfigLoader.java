package com.clbsync.config;

import com.clbsync.clb.Quotas;
import com.clbsync.clb.Rate;
import com.clbsync.plan.Access;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.clbsync.plan.Ramp;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the YAML (or JSON) configuration into a {@link SyncConfig}: the document is validated against
 * the declared schema ({@link ConfigSchema}, {@link SchemaCheck}), then the rules between keys are
 * checked ({@link ClusterEntries}, {@link AccessParser}, the endpoints' transport), every problem
 * collected before failing. Relative paths ({@code tokenFile}, {@code kubeconfig}) are taken from the
 * configuration file's directory. Problems never quote a credential.
 */
public final class ConfigLoader {
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

    /** The JSON Schema of the configuration, as {@code src/deploy/clb-sync.schema.json} holds it. */
    public static String jsonSchema() {
        return ConfigSchema.jsonSchemaText();
    }

    private SyncConfig read(String text) throws ConfigException {
        Map<?, ?> top = document(text);
        problems.addAll(SchemaCheck.problems(top));
        String clbEndpoint = endpoint(Values.map(top, ConfigSchema.CLB), "clb");
        String ackEndpoint = endpoint(Values.map(top, ConfigSchema.ACK), "ack");
        String ecsEndpoint = endpoint(Values.map(top, ConfigSchema.ECS), "ecs");
        String nlbEndpoint = endpoint(Values.map(top, ConfigSchema.NLB), "nlb");
        Map<String, Rate> nlbRates = rates(Values.map(top, ConfigSchema.NLB), ConfigSchema.NLB_RATE_LIMITS, Quotas.NLB_ACTIONS);
        Map<String, Rate> rates = rates(Values.map(top, ConfigSchema.CLB), ConfigSchema.RATE_LIMITS, Quotas.ACTIONS);
        List<String> lbIds = strings(Values.list(top, ConfigSchema.LOAD_BALANCER_IDS));
        List<ClusterConfig> clusters = new ClusterEntries(this::resolve, problems).read(Values.list(top, ConfigSchema.CLUSTERS));
        Set<String> clusterNames = new TreeSet<>(); // every entry's name, also of entries with problems of their own
        Values.list(top, ConfigSchema.CLUSTERS).stream().filter(e -> e instanceof Map)
                .forEach(e -> Values.string((Map<?, ?>) e, ConfigSchema.NAME).ifPresent(clusterNames::add));
        Access access = AccessParser.parse(Values.list(top, ConfigSchema.ACCESS), clusterNames, problems);
        for (int i = 0; access.declared() && i < lbIds.size(); i++) {
            if (!access.loadBalancerIds().contains(lbIds.get(i))) {
                problems.add("loadBalancerIds[" + i + "]: " + lbIds.get(i) + " is not in access: clb-sync may write only the"
                        + " load balancers access lists");
            }
        }
        List<String> retired = strings(Values.list(top, ConfigSchema.RETIRED));
        for (int i = 0; i < retired.size(); i++) {
            for (ClusterConfig c : clusters) {
                if (retired.get(i).equals(c.name()) || c.ownerId().filter(retired.get(i)::equals).isPresent()) {
                    problems.add(ConfigSchema.RETIRED.name + "[" + i + "]: " + retired.get(i) + " is the owner id of cluster "
                            + c.name() + ", which is configured: a cluster is retired by removing its entry");
                }
            }
        }
        Map<?, ?> ramp = Values.map(top, ConfigSchema.RAMP);
        if (!ramp.isEmpty() && Values.choice(top, ConfigSchema.WEIGHT_MODE).equals(WeightMode.CCM.key())) {
            problems.add(ConfigSchema.RAMP.name + ": ramps move the shares of weightMode global; with weightMode ccm each"
                    + " Service keeps the CCM's own weights, so a ramp would do nothing");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        SyncConfig config = SyncConfig.of(Values.string(top, ConfigSchema.REGION).orElseThrow(), clbEndpoint,
                        WeightMode.valueOf(Values.choice(top, ConfigSchema.WEIGHT_MODE).toUpperCase(java.util.Locale.ROOT)),
                        lbIds, clusters)
                .withFailOpenNotReadyFraction(Values.number(top, ConfigSchema.FAIL_OPEN))
                .withClbQuotas(Quotas.of(rates, Values.number(Values.map(top, ConfigSchema.CLB), ConfigSchema.QUOTA_SHARE)))
                .withNetwork(Network.of(Values.choice(top, ConfigSchema.NETWORK))).withAckEndpoint(ackEndpoint)
                .withEcsEndpoint(ecsEndpoint).withDrainSeconds(Values.integer(top, ConfigSchema.DRAIN_SECONDS))
                .withCacheSeconds(Values.integer(top, ConfigSchema.CACHE_SECONDS)).withAccess(access)
                .withRamp(ramp.isEmpty() ? Ramp.off() : Ramp.of(Values.integer(ramp, ConfigSchema.RAMP_STEP),
                        Values.integer(ramp, ConfigSchema.RAMP_EVERY), Values.bool(ramp, ConfigSchema.RAMP_HEALTH)))
                .withRetiredOwnerIds(retired)
                .withNlbEndpoint(nlbEndpoint).withNlbBatchSize(Values.integer(Values.map(top, ConfigSchema.NLB), ConfigSchema.NLB_BATCH))
                .withNlbQuotas(Quotas.of(nlbRates, Values.number(Values.map(top, ConfigSchema.NLB), ConfigSchema.NLB_QUOTA_SHARE)));
        return top.containsKey(ConfigSchema.NLB.name) ? config.withNlbConfigured() : config;
    }

    /** The document as a mapping; not YAML, or not a mapping, is the one problem. */
    private static Map<?, ?> document(String text) throws ConfigException {
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
        return (Map<?, ?>) root;
    }

    /** {@code clb.endpoint}, {@code ack.endpoint}, {@code ecs.endpoint}: a host, or http(s)://host[:port] (http to loopback only). */
    private String endpoint(Map<?, ?> section, String name) {
        Optional<String> endpoint = Values.string(section, ConfigSchema.CLB_ENDPOINT).filter(e -> !e.isEmpty());
        if (endpoint.isEmpty()) {
            return "";
        }
        Transport.refusal(endpoint.get()).ifPresent(why -> problems.add(name + ".endpoint: " + why));
        return endpoint.get().replaceAll("/$", "");
    }

    /** {@code clb.rateLimits}, {@code nlb.rateLimits}: action to calls/period (the schema says which actions and forms). */
    private static Map<String, Rate> rates(Map<?, ?> section, Key key, Set<String> actions) {
        Map<String, Rate> rates = new TreeMap<>();
        Values.map(section, key).forEach((k, v) -> {
            if (actions.contains(String.valueOf(k)) && v instanceof String) {
                Rate.parse((String) v).ifPresent(r -> rates.put(String.valueOf(k), r));
            }
        });
        return rates;
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    private static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>();
        values.stream().filter(v -> v instanceof String).forEach(v -> out.add((String) v));
        return out;
    }
}
