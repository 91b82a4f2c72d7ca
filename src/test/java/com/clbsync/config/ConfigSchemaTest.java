package com.clbsync.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.harrel.jsonschema.Dialects;
import dev.harrel.jsonschema.InvalidSchemaException;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.GsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The declared schema, the file editors use, the loader and the example never drift apart. */
class ConfigSchemaTest {
    private static final Path FILE = Path.of("src", "deploy", "clb-sync.schema.json");
    private static final Path EXAMPLE = Path.of("src", "deploy", "clb-sync.example.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema fileSchema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(Files.readString(FILE)));
    }

    private static Object yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @Test
    void theFileIsWhatTheDeclarationsMake() throws Exception {
        assertThat(Files.readString(FILE)).as("regenerate: java -jar target/clb-sync.jar schema > " + FILE)
                .isEqualTo(ConfigLoader.jsonSchema());
    }

    /** harrel's validator as the loader builds it, but checking each schema against draft-07's meta-schema. */
    private static Validator draft07() {
        return new ValidatorFactory().withDefaultDialect(new Dialects.Draft7Dialect()).withJsonNodeFactory(new GsonNode.Factory())
                .createValidator();
    }

    @Test
    void theSchemaIsValidDraft07() throws Exception {
        // the loader skips this check at each start; a schema the meta-schema refuses fails registration here
        draft07().registerSchema(Files.readString(FILE));
        String broken = Files.readString(FILE).replaceFirst("\"type\": \"integer\"", "\"type\": \"whole\"");
        assertThatThrownBy(() -> draft07().registerSchema(broken)).as("the check can fail").isInstanceOf(InvalidSchemaException.class);
    }

    @Test
    void theExampleIsValidForEditorsAndForTheLoader() throws Exception {
        assertThat(fileSchema().validate(JSON.valueToTree(yaml(Files.readString(EXAMPLE))))).isEmpty();
    }

    @Test
    void whatTheFileRefusesTheLoaderRefusesAtTheSamePlace() throws Exception {
        String valid = "region: cn-hangzhou\nclusters:\n  - {name: a, server: 'https://k:6443', token: x}\n";
        List<String[]> mistakes = List.of(
                new String[] {"cacheSeconds: 9999\n", "cacheSeconds"},
                new String[] {"cacheSeconds: null\n", "cacheSeconds"},
                new String[] {"weightMode: fair\n", "weightMode"},
                new String[] {"network: 1\n", "network"},
                new String[] {"clb: {quotaShare: 0}\n", "clb.quotaShare"},
                new String[] {"clb: {rateLimits: {AddVServerGroupBackendServers: 0/60s}}\n", "clb.rateLimits.AddVServerGroupBackendServers"},
                new String[] {"loadBalancerIds: ['-x']\n", "loadBalancerIds[0]"},
                new String[] {"access: []\n", "access"},
                new String[] {"ecs: {endpoint: 'ftp://x'}\n", "ecs.endpoint"},
                new String[] {"colour: blue\n", "colour"});
        for (String[] m : mistakes) {
            String doc = valid + m[0];
            assertThat(fileSchema().validate(JSON.valueToTree(yaml(doc)))).as(doc).isNotEmpty();
            assertThatThrownBy(() -> ConfigLoader.parse(doc, Path.of("."))).as(doc).isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).problems()).anyMatch(p -> p.startsWith(m[1] + ":")));
        }
        assertThat(fileSchema().validate(JSON.valueToTree(yaml(valid)))).isEmpty();
        assertThat(ConfigLoader.parse(valid, Path.of(".")).cacheSeconds()).as("the declared default").isEqualTo(60);
    }

    @Test
    void problemsAreWordedByTheKeyAndNeverShowAHiddenValue() throws Exception {
        String token = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.do-not-print";
        List<String> p = SchemaCheck.problems(yaml("region: x\nclusters:\n  - {name: a, token: {value: " + token + "},"
                + " identity: " + token + ", timeoutSeconds: 0, tokn: 1}\n"));
        assertThat(p).contains("region: \"x\" is not a region id like cn-hangzhou",
                "clusters[0].timeoutSeconds: must be a whole number 1..300, not 0",
                "clusters[0].token: must be a string, not a mapping (not shown)");
        assertThat(p).anyMatch(s -> s.startsWith("clusters[0].tokn: unknown key (known: ackClusterId, backendType,"));
        assertThat(p.get(0)).as("a mapping's unknown keys are said before its values' problems").startsWith("clusters[0].tokn:");
        assertThat(p).anyMatch(s -> s.startsWith("clusters[0].identity: not a cluster identity") && s.contains("not shown"));
        assertThat(String.join("\n", p)).doesNotContain(token);
        assertThat(SchemaCheck.problems(yaml("clusters: [{}]\n"))).contains("region: required", "clusters[0].name: required");
    }
}
