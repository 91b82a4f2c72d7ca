package com.clbsync.fc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.World;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** s.yaml, the RAM policy and the RBAC manifest that ship with the project. */
class DeploymentFilesTest {
    /** The fc3 component's schema lies outside the repository (beside it in CI): the pom names the folder. */
    private static final Path SCHEMA = Path.of(System.getProperty("clbsync.reference", "reference-not-set"),
            "fc3-props.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props() throws Exception {
        String text = Files.readString(Path.of("s.yaml"));
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<String, Object> vars = (Map<String, Object>) root.get("vars");
        Matcher m = Pattern.compile("\\$\\{vars\\.(\\w+)}").matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            assertThat(vars).as("s.yaml uses vars." + m.group(1)).containsKey(m.group(1));
            m.appendReplacement(resolved, Matcher.quoteReplacement(String.valueOf(vars.get(m.group(1)))));
        }
        m.appendTail(resolved);
        root = new Yaml(new SafeConstructor(new LoaderOptions())).load(resolved.toString());
        assertThat(root.get("edition")).isEqualTo("3.0.0");
        Map<String, Object> resources = (Map<String, Object>) root.get("resources");
        Map<String, Object> resource = (Map<String, Object>) resources.values().iterator().next();
        assertThat(resource.get("component")).isEqualTo("fc3");
        return (Map<String, Object>) resource.get("props");
    }

    /** The schema, or the test is reported as skipped, with the reason, where it is absent (a plain clone). */
    private static JsonSchema schema() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SCHEMA), "skipped: the fc3 schema " + SCHEMA
                + " is not beside this clone (CI lays the project's reference folder beside it)");
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void sYamlPropsValidateAgainstTheFc3Schema() throws Exception {
        JsonSchema schema = schema();
        JsonNode props = JSON.valueToTree(props());
        Set<ValidationMessage> errors = schema.validate(props);
        assertThat(errors).isEmpty();
        // the schema allows unknown keys; a misspelt one would be silently ignored by s, so refuse it here
        JsonNode known = JSON.readTree(SCHEMA.toFile()).get("properties");
        List<String> unknown = new ArrayList<>();
        props.fieldNames().forEachRemaining(k -> {
            if (!known.has(k)) {
                unknown.add(k);
            }
        });
        assertThat(unknown).isEmpty();
    }

    @Test
    void theSchemaCatchesABrokenProps() throws Exception {
        JsonSchema schema = schema();
        Map<String, Object> broken = new java.util.HashMap<>(props());
        broken.put("runtime", "java17");
        broken.put("memorySize", 500);
        assertThat(schema.validate(JSON.valueToTree(broken))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFunctionRunsThisHandlerSeriallyOnJava11WithAllThreeTriggers() throws Exception {
        Map<String, Object> p = props();
        assertThat(p.get("runtime")).isEqualTo("java11");
        assertThat(p.get("code")).isEqualTo("./target/clb-sync.jar");
        assertThat(p.get("handler")).isEqualTo(SyncHandler.class.getName() + "::handleRequest");
        Map<String, Object> init = (Map<String, Object>) ((Map<String, Object>) p.get("instanceLifecycleConfig")).get("initializer");
        assertThat(init.get("handler")).isEqualTo(SyncHandler.class.getName() + "::initialize");
        assertThat(SyncHandler.class.getMethod("handleRequest", InputStream.class, java.io.OutputStream.class,
                com.aliyun.fc.runtime.Context.class)).isNotNull();
        assertThat(p.get("instanceConcurrency")).isEqualTo(1);
        assertThat(((Map<String, Object>) p.get("concurrencyConfig")).get("reservedConcurrency")).isEqualTo(1);
        assertThat(((Map<String, Object>) p.get("environmentVariables"))).containsKey(SyncHandler.ENV_CONFIG);
        List<Map<String, Object>> triggers = (List<Map<String, Object>>) p.get("triggers");
        assertThat(triggers).extracting(t -> t.get("triggerType")).containsExactlyInAnyOrder("timer", "eventbridge", "log");
        Map<String, Object> log = triggers.stream().filter(t -> t.get("triggerType").equals("log")).findFirst().orElseThrow();
        Map<String, Object> source = (Map<String, Object>) ((Map<String, Object>) log.get("triggerConfig")).get("sourceConfig");
        assertThat((String) source.get("logstore")).matches("audit-[a-z0-9]+");
        assertThat(p).containsKeys("vpcConfig", "logConfig", "role", "timeout", "memorySize");
        assertThat(p.get("timeout")).as("invoke's default --timeout").isEqualTo(SyncHandler.FUNCTION_TIMEOUT_SECONDS);
    }

    /** The actions of the policy's statements, each checked to allow a scoped resource. */
    private static List<String> policyActions() throws Exception {
        JsonNode policy = JSON.readTree(Path.of("src", "deploy", "ram-policy.json").toFile());
        List<String> actions = new ArrayList<>();
        policy.get("Statement").forEach(s -> {
            assertThat(s.get("Effect").asText()).isEqualTo("Allow");
            s.get("Resource").forEach(r -> assertThat(r.asText()).as("scoped to the region and account")
                    .startsWith("acs:").contains(":cn-hangzhou:1234567890123456:").doesNotEndWith(":*"));
            s.get("Action").forEach(a -> actions.add(a.asText()));
        });
        return actions;
    }

    @Test
    void theShippedRamPolicyIsWhatThePolicyCommandPrintsForTheExampleConfiguration(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String text = Files.readString(Path.of("src", "deploy", "clb-sync.example.yaml"))
                .replace("/var/run/clb-sync/cluster-b.token", "cluster-b.token");
        Files.writeString(dir.resolve("cluster-b.token"), "token");
        Files.writeString(dir.resolve("cluster-c.kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Files.writeString(dir.resolve("clb-sync.yaml"), text);
        String expected = com.clbsync.config.RamPolicy.render(com.clbsync.config.ConfigLoader.load(dir.resolve("clb-sync.yaml")),
                "1234567890123456"); // the account of s.yaml's role
        assertThat(Files.readString(Path.of("src", "deploy", "ram-policy.json"))).isEqualTo(expected);
        assertThat(expected).contains("acs:slb:cn-hangzhou:1234567890123456:loadbalancer/lb-bp1demo0000000000001")
                .doesNotContain("loadbalancer/*").contains("cluster/c0ffee0123456789abcdef0123456789")
                .doesNotContain("cluster/c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5\"") // cluster-a has a token: no kubeconfig asked
                .contains("project/k8s-log-c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5/logstore/audit-c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5");
    }

    @Test
    void theRamPolicyGrantsExactlyTheClbCallsASyncMakes() throws Exception {
        // a sync that adds, re-weights and removes, on a scanned CLB: every kind of CLB call the code makes
        Set<String> made = new java.util.TreeSet<>();
        try (World world = new World()) {
            world.ramp(com.clbsync.plan.Ramp.of(20, 0, true)); // a health-gated ramp reads the CLB's health check
            FakeCluster a = world.cluster("cluster-a");
            a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
            a.nodes("a", 3);
            a.readyPods("default", "service-a", List.of("a-0", "a-1", "a-2"), true);
            FakeCluster b = world.cluster("cluster-b");
            b.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080);
            b.nodes("b", 2);
            b.readyPods("default", "service-b", List.of("b-0", "b-1"), true);
            a.podService("web-eni", World.GROUP_3, null, "8080", "eni"); // pods as backends: their ENIs from ECS
            a.slice("web-eni", "web-eni-1", "http", 8080, Map.of("10.3.0.1", FakeCluster.Pod.READY), "a-0");
            world.clb.networkInterface("eni-1", "i-a-0", "10.3.0.1");
            world.scanning(World.LB);
            // and an NLB server group, scanned too, its jobs polled
            world.clb.nlb().createGroup("sgp-1", "nlb-1");
            io.fabric8.kubernetes.api.model.Service onNlb = b.podService("web-nlb", "sgp-1", null, "8080", "eni");
            onNlb.getMetadata().getAnnotations().put(com.clbsync.plan.LbAnnotations.PREFIX + "id", "nlb-1");
            b.service(onNlb);
            b.slice("web-nlb", "web-nlb-1", "http", 8080, Map.of("10.4.0.1", FakeCluster.Pod.READY), "b-0");
            world.clb.networkInterface("eni-4", "i-b-0", "10.4.0.1");
            world.scanning("nlb-1");
            World.assertComplete(world.apply());
            made.addAll(world.callActions());
            a.deleteNode("a-2"); // its backend leaves, and the 20/80 split re-weights the others
            // on the NLB: a weight someone changed by hand, and a server of the Service whose pod is gone
            String desc = "k8s.8080.TCP.web-nlb.default." + b.owner();
            world.clb.nlb().putServer("sgp-1", com.clbsync.plan.Backend.of(com.clbsync.plan.BackendKey.of("eni-4", 8080,
                    "10.4.0.1"), com.clbsync.plan.BackendType.ENI, 3, desc));
            world.clb.nlb().putServer("sgp-1", com.clbsync.plan.Backend.of(com.clbsync.plan.BackendKey.of("eni-gone", 8080,
                    "10.4.0.9"), com.clbsync.plan.BackendType.ENI, 100, desc));
            World.assertComplete(world.apply());
            made.addAll(world.callActions());
        }
        assertThat(made).hasSize(13);
        List<String> cloud = policyActions().stream().filter(x -> x.startsWith("slb:") || x.startsWith("ecs:")
                || x.startsWith("nlb:")).collect(Collectors.toList());
        assertThat(cloud).containsExactlyInAnyOrderElementsOf(made.stream().map(x -> (x.equals("DescribeNetworkInterfaces")
                ? "ecs:" : com.clbsync.clb.Quotas.NLB_ACTIONS.contains(x) ? "nlb:" : "slb:") + x).collect(Collectors.toList()));
        // ACK: kubeconfigs for clusters without stored secrets (AckKubeconfigsTest makes the call); Log Service:
        // PullLogs of the audit records is authorised as log:GetCursorOrData; the function's own logs
        assertThat(policyActions()).filteredOn(x -> !x.startsWith("slb:") && !x.startsWith("ecs:") && !x.startsWith("nlb:"))
                .containsExactlyInAnyOrder(
                "cs:DescribeClusterUserKubeconfig", "log:GetCursorOrData", "log:PostLogStoreLogs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRbacGrantsExactlyTheReadsTheCodeMakes() throws Exception {
        // what a sync makes of a cluster: its reads (full, then a warm instance's changes since, then its targeted
        // ones for a Service, its slices and a Node), and the Events on a Service it acts on, written twice
        Set<String> made = new java.util.TreeSet<>();
        try (World world = new World().warm()) {
            FakeCluster a = world.cluster("cluster-a");
            a.nodes("a", 1);
            io.fabric8.kubernetes.api.model.Service s = a.service(FakeCluster.SEED.resolve("service-a.yaml"), 30080);
            s.getMetadata().getAnnotations().put(com.clbsync.plan.LbAnnotations.PREFIX + "weight", "abc"); // a Warning
            a.service(s, 30080);
            a.takeRequests();
            world.apply();
            world.apply();
            world.apply(com.clbsync.sync.SyncScope.targeted(List.of(), List.of(
                    com.clbsync.sync.ObjectRef.of("cluster-a", com.clbsync.sync.ObjectKind.SERVICE, "default", "service-a"),
                    com.clbsync.sync.ObjectRef.of("cluster-a", com.clbsync.sync.ObjectKind.NODE, "", "a-0"))),
                    com.clbsync.time.Deadline.in(java.time.Duration.ofMinutes(1)));
            java.util.regex.Pattern path = java.util.regex.Pattern.compile(
                    "(GET|POST|PUT) /(?:api/v1|apis/([a-z0-9.]+)/v1)(?:/namespaces/[a-z0-9-]+)?/([a-z]+)(/[^?]+)?(\\?.*)?");
            for (String request : a.takeRequests()) {
                java.util.regex.Matcher m = path.matcher(request);
                assertThat(m.matches()).as(request).isTrue();
                String verb = m.group(1).equals("POST") ? "create" : m.group(1).equals("PUT") ? "update"
                        : m.group(4) != null ? "get" : m.group(5) != null && m.group(5).contains("watch=true") ? "watch" : "list";
                made.add((m.group(2) == null ? "" : m.group(2)) + "/" + m.group(3) + ":" + verb);
            }
        }
        String text = Files.readString(Path.of("src", "deploy", "rbac.yaml"));
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(d -> docs.add((Map<String, Object>) d));
        Map<String, Object> role = docs.stream().filter(d -> d.get("kind").equals("ClusterRole")).findFirst().orElseThrow();
        Set<String> granted = new java.util.TreeSet<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) role.get("rules")) {
            for (String group : (List<String>) r.get("apiGroups")) {
                for (String res : (List<String>) r.get("resources")) {
                    ((List<String>) r.get("verbs")).forEach(v -> granted.add(group + "/" + res + ":" + v));
                }
            }
        }
        assertThat(made).containsExactly("/events:create", "/events:get", "/events:update", "/namespaces:get", "/nodes:get",
                "/nodes:list", "/nodes:watch", "/services:get", "/services:list", "/services:watch",
                "discovery.k8s.io/endpointslices:list", "discovery.k8s.io/endpointslices:watch");
        assertThat(role.get("rules")).asList().filteredOn(r -> ((Map<String, Object>) r).get("resources").equals(List.of("namespaces")))
                .as("the one namespace read, its identity").singleElement()
                .satisfies(r -> assertThat(((Map<String, Object>) r).get("resourceNames")).isEqualTo(List.of("kube-system")));
        assertThat(granted).isEqualTo(made);
        assertThat(text).contains("writes only Events on the Services it acts on");
        assertThat(docs).extracting(d -> d.get("kind")).contains("ServiceAccount", "ClusterRoleBinding", "Secret");
    }
}
