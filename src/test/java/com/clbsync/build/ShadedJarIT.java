package com.clbsync.build;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Build check, run by failsafe after {@code package}: the shaded jar holds one copy of each class
 * (no two runtime dependencies define the same class), no jacoco, no servlet API, no BouncyCastle
 * jdk15on and no okhttp 3, and it starts.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "clb-sync.jar");
    private static final Path CLASSPATH = Path.of("target", "runtime-classpath.txt");

    @Test
    void noTwoRuntimeDependenciesDefineTheSameClass() throws IOException {
        Map<String, List<String>> owners = new HashMap<>();
        String cp = Files.readString(CLASSPATH, StandardCharsets.UTF_8).trim();
        for (String jar : cp.split(File.pathSeparator)) {
            try (JarFile f = new JarFile(jar)) {
                for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")
                            && !isDroppedFromTheJar(jar, name)) {
                        owners.computeIfAbsent(name, k -> new ArrayList<>()).add(Path.of(jar).getFileName().toString());
                    }
                }
            }
        }
        Map<String, List<String>> duplicates = new TreeMap<>();
        owners.forEach((cls, jars) -> {
            if (jars.size() > 1) {
                duplicates.put(cls, jars);
            }
        });
        assertThat(owners).hasSizeGreaterThan(1000);
        assertThat(duplicates).as("classes defined by more than one dependency").isEmpty();
    }

    /** The shade filter drops fc-java-core's embedded servlet API. */
    private static boolean isDroppedFromTheJar(String jar, String entry) {
        return jar.contains("fc-java-core") && entry.startsWith("javax/");
    }

    @Test
    void holdsNoJacocoServletBouncyCastleJdk15OrOkhttp3() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = new ArrayList<>();
            jar.stream().forEach(e -> names.add(e.getName()));
            assertThat(names).noneMatch(n -> n.startsWith("org/jacoco/"));
            assertThat(names).noneMatch(n -> n.startsWith("javax/servlet/"));
            assertThat(names).noneMatch(n -> n.contains("jdk15on"));
            assertThat(names).contains("com/clbsync/cli/Main.class", "com/aliyun/slb20140515/Client.class",
                    "io/kubernetes/client/openapi/ApiClient.class", "com/aliyun/fc/runtime/Context.class");
            // okhttp 4 and later carry okhttp3.OkHttp; okhttp 3 (tea's own) had okhttp3.internal.Version instead
            assertThat(names).contains("okhttp3/OkHttp.class").doesNotContain("okhttp3/internal/Version.class");
            assertThat(version(jar, "com.google.code.gson", "gson")).isEqualTo("2.13.1");
        }
    }

    @Test
    void startsAsAnExecutableJar() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("plan").contains("apply");
    }

    private static String version(JarFile jar, String group, String artifact) throws IOException {
        JarEntry e = jar.getJarEntry("META-INF/maven/" + group + "/" + artifact + "/pom.properties");
        if (e == null) {
            return "absent";
        }
        Properties p = new Properties();
        p.load(jar.getInputStream(e));
        return p.getProperty("version");
    }
}
