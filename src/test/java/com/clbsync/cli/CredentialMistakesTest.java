package com.clbsync.cli;

import com.clbsync.testing.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each credential kind in each wrong place of a cluster entry, plain and base64: plan, check and their
 * --json print no credential, whatever they make of the mistake (a configuration error names the field
 * and the kind of value; a client that cannot be built says why without the value).
 */
class CredentialMistakesTest {
    private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "AKID",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET", World.SECRET);
    /** What must never show: each credential's distinctive part. */
    private static final String TOKEN_MARK = "c2VjcmV0LXBheWxvYWQtZG8tbm90LXByaW50";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9." + TOKEN_MARK + ".c2ln";
    private static final String KEY_MARK = "MIIEpAIBAAKCAQEAsecretkeymaterialDoNotPrint";
    private static final String KEY = "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_MARK + "\n-----END RSA PRIVATE KEY-----\n";
    private static final String KUBECONFIG = String.join("\n", "apiVersion: v1", "kind: Config", "current-context: c",
            "clusters: [{name: c, cluster: {server: 'https://10.0.0.1:6443'}}]",
            "users: [{name: u, user: {token: " + TOKEN + "}}]", "contexts: [{name: c, context: {cluster: c, user: u}}]", "");
    private static World world;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        world = new World();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    static Stream<Arguments> mistakes() {
        Map<String, String> credentials = Map.of("token", TOKEN, "client key", KEY, "kubeconfig", KUBECONFIG);
        List<Arguments> out = new ArrayList<>();
        for (String field : List.of("server", "token", "tokenFile", "certificateAuthorityData", "kubeconfig")) {
            credentials.forEach((kind, value) -> {
                out.add(Arguments.of(field, kind, value));
                out.add(Arguments.of(field, "base64 " + kind, Base64.getEncoder().encodeToString(
                        value.getBytes(StandardCharsets.UTF_8))));
            });
        }
        return out.stream();
    }

    /** The entry as YAML: the value under {@code field}, the rest as a real entry would have it. */
    private static String entry(String field, String value) {
        String quoted = "'" + value.replace("'", "''").replace("\n", "\n\n      ") + "'";
        String base = field.equals("kubeconfig") ? "" : field.equals("server") ? "    token: t\n" : "    server: 'https://10.0.0.1:6443'\n"
                + (field.equals("token") || field.equals("tokenFile") ? "" : "    token: t\n");
        return "  - name: a\n" + base + "    " + field + ": " + quoted + "\n";
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("mistakes")
    void noCredentialIsPrinted(String field, String kind, String value) throws Exception {
        Path cfg = dir.resolve("c-" + Math.abs((field + kind).hashCode()) + ".yaml");
        Files.writeString(cfg, "region: cn-hangzhou\nclb: {endpoint: '" + world.clb.endpoint() + "'}\nclusters:\n"
                + entry(field, value));
        for (List<String> args : List.of(List.of("plan"), List.of("plan", "--json"), List.of("check"), List.of("check", "--json"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--config", cfg.toString()));
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            Main.run(all.toArray(new String[0]), ENV, new PrintWriter(o), new PrintWriter(e));
            String printed = o + "\n" + e;
            assertThat(printed).as(args + ": " + printed).doesNotContain(TOKEN_MARK).doesNotContain(KEY_MARK)
                    .doesNotContain(Base64.getEncoder().encodeToString(KUBECONFIG.getBytes(StandardCharsets.UTF_8)).substring(0, 60))
                    .doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)).substring(0, 40));
        }
    }

    @ParameterizedTest(name = "a kubeconfig as a YAML mapping, {0}")
    @MethodSource("commands")
    void aKubeconfigWrittenAsAMappingIsNotEchoed(String command, boolean json) throws Exception {
        Path cfg = dir.resolve("mapping.yaml");
        String indented = KUBECONFIG.replaceAll("(?m)^", "      ");
        Files.writeString(cfg, "region: cn-hangzhou\nclusters:\n  - name: a\n    kubeconfig:\n" + indented);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> args = new ArrayList<>(List.of(command, "--config", cfg.toString()));
        if (json) {
            args.add("--json");
        }
        assertThat(Main.run(args.toArray(new String[0]), ENV, new PrintWriter(o), new PrintWriter(e))).isEqualTo(2);
        assertThat(o + "\n" + e).contains("clusters[0].kubeconfig: must be a string").contains("a mapping")
                .doesNotContain(TOKEN_MARK);
    }

    static Stream<Arguments> commands() {
        return Stream.of(Arguments.of("plan", false), Arguments.of("plan", true), Arguments.of("check", false),
                Arguments.of("check", true));
    }
}
