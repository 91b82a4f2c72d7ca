package com.clbsync.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    private static final String SECRET_TOKEN = "eyJhbGciOiJSUzI1NiJ9.top-secret-token";

    @TempDir
    Path dir;

    private SyncConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, dir);
    }

    private List<String> problems(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET_TOKEN);
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be rejected");
    }

    @Test
    void readsAFullConfiguration() throws Exception {
        SyncConfig c = parse(String.join("\n",
                "region: cn-hangzhou",
                "clb: {endpoint: 'http://127.0.0.1:8089'}",
                "weightMode: ccm",
                "loadBalancerIds: [lb-1]",
                "clusters:",
                "  - name: cluster-a",
                "    ownerId: c8d1e2f3",
                "    server: https://10.0.0.1:6443",
                "    token: " + SECRET_TOKEN,
                "    certificateAuthorityData: " + java.util.Base64.getEncoder().encodeToString("pem".getBytes()),
                "  - name: cluster-b",
                "    identity: 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
                "    server: https://10.0.0.2:6443",
                "    token: t2",
                "    insecureSkipTlsVerify: true",
                "    timeoutSeconds: 5"));
        assertThat(c.region()).isEqualTo("cn-hangzhou");
        assertThat(c.clbEndpoint()).isEqualTo("http://127.0.0.1:8089");
        assertThat(c.weightMode()).isEqualTo(WeightMode.CCM);
        assertThat(c.loadBalancerIds()).containsExactly("lb-1");
        assertThat(c.clusters()).extracting(ClusterConfig::ownerId).as("configured, else derived from the cluster's identity")
                .containsExactly(Optional.of("c8d1e2f3"), Optional.empty());
        ClusterConfig b = c.clusters().get(1);
        assertThat(b.identity()).contains("3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b");
        assertThat(b.insecureSkipTlsVerify()).isTrue();
        assertThat(b.timeoutSeconds()).isEqualTo(5);
        assertThat(c.clusters().get(0).token()).contains(SECRET_TOKEN);
        assertThat(c.toString()).doesNotContain(SECRET_TOKEN);
        assertThat(c.clusters().get(0).toString()).doesNotContain(SECRET_TOKEN);
    }

    @Test
    void acceptsJson() throws Exception {
        SyncConfig c = parse("{\"region\":\"cn-beijing\",\"clusters\":[{\"name\":\"a\",\"server\":\"https://k:6443\",\"token\":\"x\"}]}");
        assertThat(c.clusters()).extracting(ClusterConfig::name).containsExactly("a");
        assertThat(c.weightMode()).as("the default").isEqualTo(WeightMode.GLOBAL);
        assertThat(c.clbEndpoint()).isEmpty();
    }

    @Test
    void readsBothWeightModes() throws Exception {
        String base = "clusters: [{name: a, server: 'https://k:6443', token: x}]\nregion: cn-hangzhou\n";
        assertThat(parse(base + "weightMode: global").weightMode()).isEqualTo(WeightMode.GLOBAL);
        assertThat(parse(base + "weightMode: ccm").weightMode()).isEqualTo(WeightMode.CCM);
    }

    @Test
    void readsTheNotReadyStormThresholdAndRejectsOneOutOfRange() throws Exception {
        String base = "clusters: [{name: a, server: 'https://k:6443', token: x}]\nregion: cn-hangzhou\n";
        assertThat(parse(base).failOpenNotReadyFraction()).as("the default").isEqualTo(0.55);
        assertThat(parse(base + "failOpenNotReadyFraction: 0.7").failOpenNotReadyFraction()).isEqualTo(0.7);
        for (String bad : List.of("0", "1.5", "half")) {
            assertThat(problems(base + "failOpenNotReadyFraction: " + bad)).singleElement().asString()
                    .startsWith("failOpenNotReadyFraction: \"" + bad + "\" must be a number above 0 and at most 1");
        }
    }

    @Test
    void readsTheClbQuotasAndNamesBadOnes() throws Exception {
        String base = "clusters: [{name: a, server: 'https://k:6443', token: x}]\nregion: cn-hangzhou\n";
        SyncConfig c = parse(base + "clb: {rateLimits: {AddVServerGroupBackendServers: 60/60s}, quotaShare: 0.5}");
        assertThat(c.clbQuotas().paceOf("AddVServerGroupBackendServers").orElseThrow().perSecond()).isEqualTo(0.5);
        assertThat(c.clbQuotas().share()).isEqualTo(0.5);
        assertThat(parse(base).clbQuotas()).isEqualTo(com.clbsync.clb.Quotas.defaults());
        List<String> p = problems(base + "clb: {rateLimits: {AddBackends: 1/1s, SetVServerGroupAttribute: fast}, quotaShare: 2}");
        assertThat(p).anyMatch(s -> s.startsWith("clb.rateLimits.AddBackends: not an action clb-sync calls"));
        assertThat(p).anyMatch(s -> s.startsWith("clb.rateLimits.SetVServerGroupAttribute: \"fast\" is not calls/period"));
        assertThat(p).anyMatch(s -> s.startsWith("clb.quotaShare: \"2\" must be a number above 0 and at most 1"));
    }

    @Test
    void aVpcNetworkResolvesTheVpcEndpointsUnlessOneIsConfigured() throws Exception {
        String base = "clusters: [{name: a, server: 'https://k:6443', token: x}]\nregion: cn-shanghai\n";
        SyncConfig pub = parse(base);
        assertThat(pub.network()).as("the default").isEqualTo(Network.PUBLIC);
        assertThat(pub.resolvedClbEndpoint()).as("the SDK's endpoint for the region").isEmpty();
        SyncConfig vpc = parse(base + "network: vpc");
        assertThat(vpc.resolvedClbEndpoint()).isEqualTo("slb-vpc.cn-shanghai.aliyuncs.com");
        assertThat(vpc.network().logEndpoint("cn-shanghai")).isEqualTo("cn-shanghai-intranet.log.aliyuncs.com");
        assertThat(parse(base + "network: vpc\nclb: {endpoint: 'http://127.0.0.1:8089'}").resolvedClbEndpoint())
                .isEqualTo("http://127.0.0.1:8089");
        assertThat(problems(base + "network: internet")).singleElement().asString()
                .isEqualTo("network: \"internet\" is not one of: public, vpc");
    }

    @Test
    void readsTheEniDrainAndCacheSettingsAndNamesBadOnes() throws Exception {
        String base = "region: cn-shanghai\n";
        SyncConfig defaults = parse(base + "clusters: [{name: a, server: 'https://k:6443', token: x}]");
        assertThat(defaults.clusters().get(0).backendType()).isEqualTo(com.clbsync.plan.BackendType.ECS);
        assertThat(defaults.drainSeconds()).isZero();
        assertThat(defaults.cacheSeconds()).isEqualTo(60);
        assertThat(defaults.resolvedEcsEndpoint()).as("the SDK's endpoint for the region").isEmpty();

        SyncConfig c = parse(base + "network: vpc\ndrainSeconds: 45\ncacheSeconds: 0\n"
                + "clusters: [{name: a, server: 'https://k:6443', token: x, backendType: eni}]");
        assertThat(c.clusters().get(0).backendType()).isEqualTo(com.clbsync.plan.BackendType.ENI);
        assertThat(c.drainSeconds()).isEqualTo(45);
        assertThat(c.cacheSeconds()).isZero();
        assertThat(c.resolvedEcsEndpoint()).isEqualTo("ecs-vpc.cn-shanghai.aliyuncs.com");
        assertThat(parse(base + "ecs: {endpoint: 'http://127.0.0.1:9'}\nclusters: [{name: a, server: 'https://k:6443', token: x}]")
                .resolvedEcsEndpoint()).isEqualTo("http://127.0.0.1:9");

        assertThat(problems(base + "drainSeconds: -1\ncacheSeconds: 1h\necs: {endpoint: 'a b', region: x}\n"
                + "clusters: [{name: a, server: 'https://k:6443', token: x, backendType: eci}]"))
                .containsExactlyInAnyOrder("drainSeconds: must be a whole number 0..3600, not -1",
                        "cacheSeconds: must be a whole number 0..3600, not 1h",
                        "ecs.endpoint: \"a b\" must be a host name, or http(s)://host[:port]",
                        "ecs.region: unknown key (known: endpoint)",
                        "clusters[0].backendType: \"eci\" is not one of: ecs, eni");
    }

    @Test
    void readsTheRampAndRetiredOwnerIdsAndNamesBadOnes() throws Exception {
        String base = "region: cn-shanghai\n";
        String clusters = "clusters: [{name: a, server: 'https://k:6443', token: x, ownerId: c-a}]";
        SyncConfig defaults = parse(base + clusters);
        assertThat(defaults.ramp().isOn()).as("off unless set").isFalse();
        assertThat(defaults.retiredOwnerIds()).isEmpty();

        SyncConfig c = parse(base + "ramp: {stepPercent: 20}\nretiredOwnerIds: [old.5b7c9e21, c-old]\n" + clusters);
        assertThat(c.ramp()).isEqualTo(com.clbsync.plan.Ramp.of(20, 60, true));
        assertThat(c.retiredOwnerIds()).containsExactly("old.5b7c9e21", "c-old");
        assertThat(parse(base + "ramp: {stepPercent: 5, everySeconds: 0, healthGate: false}\n" + clusters).ramp())
                .isEqualTo(com.clbsync.plan.Ramp.of(5, 0, false));

        assertThat(problems(base + "ramp: {stepPercent: 0, everySeconds: soon}\nretiredOwnerIds: [c-a, a, 'bad id']\n" + clusters))
                .containsExactlyInAnyOrder("ramp.stepPercent: must be a whole number 1..100, not 0",
                        "ramp.everySeconds: must be a whole number 0..86400, not soon",
                        "retiredOwnerIds[0]: c-a is the owner id of cluster a, which is configured: a cluster is retired"
                                + " by removing its entry",
                        "retiredOwnerIds[1]: a is the owner id of cluster a, which is configured: a cluster is retired"
                                + " by removing its entry",
                        "retiredOwnerIds[2]: \"bad id\" must be 1..48 letters, digits, '.', '_' or '-'");
        assertThat(problems(base + "ramp: {everySeconds: 60}\n" + clusters)).containsExactly("ramp.stepPercent: required");
        assertThat(problems(base + "weightMode: ccm\nramp: {stepPercent: 20}\n" + clusters)).singleElement()
                .satisfies(p -> assertThat(p).startsWith("ramp: ramps move the shares of weightMode global"));
    }

    @Test
    void anAckClusterIdAloneIsAClusterWithoutStoredSecrets() throws Exception {
        SyncConfig c = parse("region: cn-shanghai\nnetwork: vpc\nclusters: [{name: a, ackClusterId: c8d1e2f3}]");
        assertThat(c.clusters().get(0).fromAck()).isTrue();
        assertThat(c.resolvedAckEndpoint()).isEqualTo("cs-vpc.cn-shanghai.aliyuncs.com");
        assertThat(parse("region: cn-shanghai\nack: {endpoint: 'http://127.0.0.1:9'}\nclusters: [{name: a, ackClusterId: c8}]")
                .resolvedAckEndpoint()).isEqualTo("http://127.0.0.1:9");
        assertThat(problems("region: cn-hangzhou\nclusters: [{name: a}]")).singleElement().asString()
                .contains("needs server (with token or tokenFile), kubeconfig, or ackClusterId alone");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        List<String> p = problems(String.join("\n",
                "region: Hangzhou",
                "weightMode: fancy",
                "loadBalancerIds: ['lb 1']",
                "clb: {endpoint: 'ftp://x'}",
                "clusters:",
                "  - name: Cluster_A",
                "    server: https://10.0.0.1:6443",
                "    token: " + SECRET_TOKEN,
                "  - name: b",
                "    server: 'not a url'",
                "    token: " + SECRET_TOKEN,
                "  - name: c",
                "  - name: d",
                "    server: https://k:6443",
                "    tokn: x"));
        assertThat(p).anyMatch(s -> s.startsWith("region:"));
        assertThat(p).anyMatch(s -> s.startsWith("weightMode:"));
        assertThat(p).anyMatch(s -> s.startsWith("loadBalancerIds[0]:"));
        assertThat(p).anyMatch(s -> s.startsWith("clb.endpoint:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[0].name:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[1].server:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[2]:") && s.contains("server"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[3].tokn: unknown key"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[3].token: needed"));
    }

    @Test
    void rejectsDuplicateNamesAndOwnerIds() {
        List<String> p = problems(String.join("\n", "region: cn-hangzhou", "clusters:",
                "  - {name: a, server: 'https://k:6443', token: x}",
                "  - {name: a, server: 'https://k:6443', token: x}",
                "  - {name: c, ownerId: a, server: 'https://k:6443', token: x}"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[1].name:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[2].ownerId:"));
    }

    @Test
    void rejectsBadOwnerIdsThatCouldNotBeWrittenIntoADescription() {
        List<String> p = problems(String.join("\n", "region: cn-hangzhou", "clusters:",
                "  - {name: a, ownerId: 'has space', server: 'https://k:6443', token: x}",
                "  - {name: b, ownerId: '" + "x".repeat(49) + "', server: 'https://k:6443', token: x}"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[0].ownerId:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[1].ownerId:"));
    }

    @Test
    void anIdentityIsAUidAndAnythingElseIsNamedNotShown() {
        List<String> p = problems(String.join("\n", "region: cn-hangzhou", "clusters:",
                "  - {name: a, identity: '" + SECRET_TOKEN + "', server: 'https://k:6443', token: x}",
                "  - {name: b, identity: 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b, server: 'https://k:6443', token: x}",
                "  - {name: c, ownerId: '" + "x".repeat(48) + "', server: 'https://k:6443', token: x}",
                "  - {name: " + "d".repeat(63) + ", server: 'https://k:6443', token: x}"));
        assertThat(p).singleElement().asString().startsWith("clusters[0].identity: not a cluster identity")
                .doesNotContain(SECRET_TOKEN);
    }

    @Test
    void checksCredentialsFieldsWithoutQuotingThem() {
        List<String> p = problems(String.join("\n", "region: cn-hangzhou", "clusters:",
                "  - {name: a, server: 'https://k:6443', token: '" + SECRET_TOKEN + "', tokenFile: /nope}",
                "  - {name: b, server: 'https://k:6443', tokenFile: missing-token}",
                "  - {name: c, server: 'https://k:6443', token: x, certificateAuthorityData: '%%%'}",
                "  - {name: d, kubeconfig: no-such-file, token: x}",
                "  - {name: e, server: 'https://k:6443', kubeconfig: k, token: x}",
                "  - {name: f, server: 'https://k:6443', token: [" + SECRET_TOKEN + "]}"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[0].tokenFile:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[1].tokenFile:") && s.contains("no readable file"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[2].certificateAuthorityData:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[3].kubeconfig:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[3]:") && s.contains("go with server"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[4]:") && s.contains("exclude"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[5].token: must be a string"));
    }

    @Test
    void resolvesTokenFileAndKubeconfigBesideTheConfigFile() throws Exception {
        Files.writeString(dir.resolve("token"), "abc");
        Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Path file = dir.resolve("clb-sync.yaml");
        Files.writeString(file, String.join("\n", "region: cn-hangzhou", "clusters:",
                "  - {name: a, server: 'https://k:6443', tokenFile: token}",
                "  - {name: b, kubeconfig: kubeconfig, context: ctx}",
                "  - name: c",
                "    kubeconfig: |",
                "      apiVersion: v1",
                "      kind: Config"));
        SyncConfig c = ConfigLoader.load(file);
        assertThat(c.clusters().get(0).tokenFile()).contains(dir.resolve("token").toString());
        assertThat(c.clusters().get(1).kubeconfig()).contains(dir.resolve("kubeconfig").toString());
        assertThat(c.clusters().get(1).context()).contains("ctx");
        assertThat(c.clusters().get(2).kubeconfig().orElseThrow()).startsWith("apiVersion: v1");
    }

    @Test
    void rejectsWhatIsNotAConfiguration() {
        assertThatThrownBy(() -> parse("- a\n- b")).isInstanceOf(ConfigException.class).hasMessageContaining("mapping");
        assertThat(problems("region: cn-hangzhou\nclusters: []")).anyMatch(s -> s.startsWith("clusters:"));
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.yaml")))
                .hasMessageContaining("absent.yaml: does not exist").hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> ConfigLoader.load(dir)).hasMessageContaining(": is a directory, not a file");
    }

    @Test
    void aSyntaxErrorGivesLineAndColumnWithoutQuotingTheDocument() {
        assertThat(problems("region: cn-hangzhou\nclusters:\n  - name: a\n    token: " + SECRET_TOKEN + " [unclosed: {\n"))
                .singleElement().asString().startsWith("configuration: not valid YAML or JSON at line ")
                .contains(", column ").doesNotContain(SECRET_TOKEN);
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotLastOneWins() {
        assertThat(problems("region: cn-hangzhou\nregion: cn-beijing\nclusters: [{name: a, server: 'https://k:6443', token: x}]"))
                .singleElement().asString().contains("at line 2").contains("duplicate key region");
    }

    @Test
    void aBadTimeoutDoesNotHideADuplicateName() {
        List<String> p = problems(String.join("\n", "region: cn-hangzhou", "clusters:",
                "  - {name: a, server: 'https://k:6443', token: x, timeoutSeconds: 0}",
                "  - {name: a, server: 'https://k:6443', token: x, ownerId: other}"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[0].timeoutSeconds:"));
        assertThat(p).anyMatch(s -> s.startsWith("clusters[1].name: \"a\" is used by another cluster"));
    }

    @Test
    void plainHttpIsRefusedForEveryRemoteEndpointAndApiServerAndAcceptedOnLoopback() throws Exception {
        List<String> p = problems(String.join("\n", "region: cn-hangzhou", "clb: {endpoint: 'http://slb.example.com'}",
                "ack: {endpoint: 'http://cs.example.com'}", "ecs: {endpoint: 'http://10.0.0.5:80'}", "clusters:",
                "  - {name: a, server: 'http://10.0.0.1:6443', token: t}",
                "  - {name: b, server: 'http://127.0.0.1:6443', token: t}",
                "  - {name: c, server: 'http://localhost:6443', token: t}"));
        assertThat(p).filteredOn(x -> x.contains("plain http://")).extracting(x -> x.substring(0, x.indexOf(':')))
                .containsExactlyInAnyOrder("clb.endpoint", "ack.endpoint", "ecs.endpoint", "clusters[0].server");
        assertThat(parse(String.join("\n", "region: cn-hangzhou", "clb: {endpoint: 'http://127.0.0.1:9000'}",
                "ack: {endpoint: 'https://cs.example.com'}", "clusters:", "  - {name: b, server: 'http://[::1]:6443', token: t}"))
                .clusters()).hasSize(1);
    }

    @Test
    void readsTheAccessListAndNamesEveryBadFieldOfIt() throws Exception {
        SyncConfig c = parse(String.join("\n", "region: cn-hangzhou", "loadBalancerIds: [lb-1]", "access:",
                "  - {loadBalancerId: lb-1, clusters: [a], namespaces: [shop, web]}", "  - {loadBalancerId: lb-2}",
                "clusters:", "  - {name: a, server: 'https://k:6443', token: t}"));
        assertThat(c.access().declared()).isTrue();
        assertThat(c.access().refusal("a", "shop", "lb-1")).isEmpty();
        assertThat(c.access().refusal("a", "tenant", "lb-1")).isPresent();
        assertThat(c.access().refusal("a", "anything", "lb-2")).isEmpty();
        assertThat(c.access().refusal("a", "shop", "lb-3")).isPresent();
        assertThat(parse("region: cn-hangzhou\nclusters: [{name: a, server: 'https://k:6443', token: t}]").access().declared())
                .isFalse();

        List<String> p = problems(String.join("\n", "region: cn-hangzhou", "loadBalancerIds: [lb-9]", "access:",
                "  - {loadBalancerId: lb-1, clusters: [nope], namespaces: [Bad_NS], team: x}", "  - {clusters: [a]}",
                "  - {loadBalancerId: lb-1}", "clusters:", "  - {name: a, server: 'https://k:6443', token: t}"));
        assertThat(p).containsExactlyInAnyOrder(
                "access[0].team: unknown key (known: clusters, loadBalancerId, namespaces)",
                "access[0].clusters: \"nope\" is not a configured cluster (a)",
                "access[0].namespaces[0]: \"Bad_NS\" is not a namespace name",
                "access[1].loadBalancerId: required",
                "access[2].loadBalancerId: lb-1 is listed twice; give each load balancer one entry",
                "loadBalancerIds[0]: lb-9 is not in access: clb-sync may write only the load balancers access lists");
    }
}
