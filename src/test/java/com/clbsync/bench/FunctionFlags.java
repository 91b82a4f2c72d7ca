package com.clbsync.bench;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The JVM flags the function runs with, as s.yaml sets them: the benchmarks' instances use exactly these. */
final class FunctionFlags {
    private FunctionFlags() {
    }

    /** {@code JAVA_TOOL_OPTIONS} of the function in s.yaml, split into flags. */
    @SuppressWarnings("unchecked")
    static List<String> fromSYaml() throws Exception {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Path.of("s.yaml")));
        Map<String, Object> resources = (Map<String, Object>) root.get("resources");
        Map<String, Object> fn = (Map<String, Object>) ((Map<String, Object>) resources.get("clb-sync")).get("props");
        Map<String, Object> env = (Map<String, Object>) fn.get("environmentVariables");
        return List.of(((String) env.get("JAVA_TOOL_OPTIONS")).trim().split("\\s+"));
    }
}
