package com.clbsync.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The example configuration users copy: it loads, and it shows every key the loader knows. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("src", "deploy", "clb-sync.example.yaml");

    @Test
    void loadsAsItIsOnceItsFilesExist(@TempDir Path dir) throws Exception {
        String text = Files.readString(EXAMPLE).replace("/var/run/clb-sync/cluster-b.token", "cluster-b.token");
        Files.writeString(dir.resolve("cluster-b.token"), "token");
        Files.writeString(dir.resolve("cluster-c.kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Path file = dir.resolve("clb-sync.yaml");
        Files.writeString(file, text);

        SyncConfig c = ConfigLoader.load(file);

        assertThat(c.clusters()).extracting(ClusterConfig::name).containsExactly("cluster-a", "cluster-b", "cluster-ack",
                "cluster-c");
        assertThat(c.clusters().get(2).fromAck()).isTrue();
        assertThat(c.clbQuotas().share()).isEqualTo(0.5);
        assertThat(c.weightMode()).isEqualTo(WeightMode.GLOBAL);
        assertThat(c.network()).as("the function runs in a VPC without internet access").isEqualTo(Network.VPC);
        assertThat(c.resolvedClbEndpoint()).isEqualTo("slb-vpc.cn-hangzhou.aliyuncs.com");
        assertThat(c.resolvedEcsEndpoint()).isEqualTo("ecs-vpc.cn-hangzhou.aliyuncs.com");
        assertThat(c.drainSeconds()).isEqualTo(30);
    }

    @Test
    void namesEveryKeyTheSchemaDeclares() throws Exception {
        String text = Files.readString(EXAMPLE);
        List<String> keys = new java.util.ArrayList<>();
        collect(ConfigSchema.ROOT, keys);
        assertThat(keys).contains("region", "clusters", "identity", "rateLimits", "namespaces");
        for (String key : keys) {
            assertThat(Pattern.compile("(?m)^[ -]*" + key + ":").matcher(text).find()).as(key).isTrue();
        }
    }

    /** The names of every key below {@code k}: mappings' fields, lists' items' fields (of rateLimits, one action will do). */
    private static void collect(Key k, List<String> into) {
        k.fields().values().forEach(f -> {
            into.add(f.name);
            if (f != ConfigSchema.RATE_LIMITS && f != ConfigSchema.NLB_RATE_LIMITS) {
                collect(f, into);
            }
        });
        k.items().ifPresent(i -> collect(i, into));
    }

    @Test
    void pointsEditorsAtTheSchema() throws Exception {
        assertThat(Files.readString(EXAMPLE)).startsWith("# yaml-language-server: $schema=./clb-sync.schema.json\n");
    }
}
