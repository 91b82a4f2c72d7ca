package com.clbsync.kube;

import com.clbsync.config.Transport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kubeconfig read as data, never as code: of the context in use, only the server, the CA and a token
 * or a client certificate and key, all inline. Anything client-java would run or open ({@code exec},
 * {@code auth-provider}, {@code tokenFile}, certificate and key files) and the kubeconfig's own
 * {@code insecure-skip-tls-verify} are refused, with the field named and no value shown. Parses only:
 * the text comes from the configuration, a file or the ACK API.
 */
public final class KubeconfigData {
    /** Members of a user entry that would make client-java run a command, ask a plugin or open a file. */
    static final Set<String> REFUSED_USER = Set.of("exec", "auth-provider", "tokenFile", "client-certificate", "client-key",
            "username", "password", "as", "as-groups", "as-user-extra");
    /** Members of a cluster entry that would open a file, skip verification or route through a proxy. */
    static final Set<String> REFUSED_CLUSTER = Set.of("certificate-authority", "insecure-skip-tls-verify", "proxy-url");

    private final String server;
    private final byte[] certificateAuthority;
    private final String token;
    private final byte[] clientCertificate;
    private final byte[] clientKey;

    private KubeconfigData(String server, byte[] ca, String token, byte[] cert, byte[] key) {
        this.server = server;
        this.certificateAuthority = ca;
        this.token = token;
        this.clientCertificate = cert;
        this.clientKey = key;
    }

    /**
     * The context {@code context} (else the kubeconfig's current-context) of {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the kubeconfig
     */
    public static KubeconfigData parse(String text, String context) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the kubeconfig is not valid YAML");
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("the kubeconfig is not a mapping");
        }
        Map<?, ?> kc = (Map<?, ?>) root;
        String name = context != null ? context : string(kc, "current-context");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the kubeconfig has no current-context; set context");
        }
        Map<?, ?> ctx = named(kc, "contexts", "context", name).orElseThrow(() -> new IllegalArgumentException(
                (context != null ? "context" : "current-context") + " \"" + name + "\" names no context in the kubeconfig"));
        String clusterName = string(ctx, "cluster");
        String userName = string(ctx, "user");
        Map<?, ?> cluster = named(kc, "clusters", "cluster", clusterName == null ? "" : clusterName).orElseThrow(() ->
                new IllegalArgumentException("context \"" + name + "\": its cluster is not in the kubeconfig"));
        Map<?, ?> user = named(kc, "users", "user", userName == null ? "" : userName).orElseThrow(() ->
                new IllegalArgumentException("context \"" + name + "\": its user is not in the kubeconfig"));
        for (Object k : user.keySet()) {
            if (REFUSED_USER.contains(String.valueOf(k))) {
                throw new IllegalArgumentException("user \"" + userName + "\" has " + k + ": refused (a kubeconfig is data:"
                        + " clb-sync runs no command or plugin and opens no file named in it; give token, or"
                        + " client-certificate-data and client-key-data)");
            }
        }
        for (Object k : cluster.keySet()) {
            if (REFUSED_CLUSTER.contains(String.valueOf(k))
                    && !(k.equals("insecure-skip-tls-verify") && Boolean.FALSE.equals(cluster.get(k)))) {
                throw new IllegalArgumentException("cluster \"" + clusterName + "\" has " + k + ": refused (give"
                        + " certificate-authority-data; skipping verification is the configuration's insecureSkipTlsVerify,"
                        + " which every report warns about)");
            }
        }
        String server = string(cluster, "server");
        if (server == null || !server.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("cluster \"" + clusterName + "\" has no https:// server");
        }
        Optional<String> plain = Transport.refusal(server);
        if (plain.isPresent()) {
            throw new IllegalArgumentException("cluster \"" + clusterName + "\": " + plain.get());
        }
        byte[] ca = base64(cluster, "certificate-authority-data", "cluster \"" + clusterName + "\"");
        String token = string(user, "token");
        byte[] cert = base64(user, "client-certificate-data", "user \"" + userName + "\"");
        byte[] key = base64(user, "client-key-data", "user \"" + userName + "\"");
        if ((token == null || token.isBlank()) && (cert == null || key == null)) {
            throw new IllegalArgumentException("user \"" + userName + "\" has neither token nor client-certificate-data"
                    + " with client-key-data");
        }
        return new KubeconfigData(server, ca, token == null || token.isBlank() ? null : token.trim(), cert, key);
    }

    /** The entry {@code name} of the list {@code list} ({@code [{name, <member>: {...}}]}), its {@code member}. */
    private static Optional<Map<?, ?>> named(Map<?, ?> kc, String list, String member, String name) {
        Object entries = kc.get(list);
        if (!(entries instanceof List)) {
            return Optional.empty();
        }
        for (Object e : (List<?>) entries) {
            if (e instanceof Map && name.equals(String.valueOf(((Map<?, ?>) e).get("name")))
                    && ((Map<?, ?>) e).get(member) instanceof Map) {
                return Optional.of((Map<?, ?>) ((Map<?, ?>) e).get(member));
            }
        }
        return Optional.empty();
    }

    private static String string(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof String ? (String) v : null;
    }

    private static byte[] base64(Map<?, ?> m, String key, String where) {
        String v = string(m, key);
        if (v == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(v.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + key + " is not base64");
        }
    }

    public String server() { return server; }
    public Optional<byte[]> certificateAuthority() { return Optional.ofNullable(certificateAuthority); }
    public Optional<String> token() { return Optional.ofNullable(token); }
    /** The client certificate and key, when the user has no token. */
    public Optional<byte[]> clientCertificate() { return Optional.ofNullable(clientCertificate); }
    public Optional<byte[]> clientKey() { return Optional.ofNullable(clientKey); }

    @Override public String toString() { return "kubeconfig for " + server; }
}
