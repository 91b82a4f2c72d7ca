package com.clbsync.config;

import com.clbsync.plan.BackendType;

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
import java.util.function.Function;

/**
 * The rules between a cluster entry's keys that a schema does not say (how the API server is reached,
 * readable files, base64 where it must be, the transport rule) and the uniqueness of names and owner
 * ids across entries; then each entry as a {@link ClusterConfig}. A problem names the field and the kind
 * of value, never a server, token, file, CA or kubeconfig.
 */
final class ClusterEntries {
    private final Function<String, Path> resolve;
    private final List<String> problems;

    /** @param resolve a path as given, relative to the configuration file's folder */
    ClusterEntries(Function<String, Path> resolve, List<String> problems) {
        this.resolve = resolve;
        this.problems = problems;
    }

    List<ClusterConfig> read(List<?> entries) {
        List<ClusterConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "clusters[" + i + "]";
            if (!(entries.get(i) instanceof Map)) {
                continue; // the schema said so
            }
            Map<?, ?> m = (Map<?, ?>) entries.get(i);
            Optional<String> name = Values.string(m, ConfigSchema.NAME);
            // a name is also an owner id: an earlier version's, and a held entry's (see plan.OwnerClaim)
            Optional<String> owner = Values.string(m, ConfigSchema.OWNER_ID).or(() -> name);
            if (name.isPresent() && !names.add(name.get())) {
                problems.add(at + ".name: \"" + name.get() + "\" is used by another cluster");
            }
            if (owner.isPresent() && !owners.add(owner.get())) {
                problems.add(at + ".ownerId: \"" + owner.get() + "\" is the owner id of another cluster; each must be unique");
            }
            entry(m, at).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ClusterConfig> entry(Map<?, ?> m, String at) {
        int before = problems.size();
        Optional<String> server = Values.string(m, ConfigSchema.SERVER);
        Optional<String> token = Values.string(m, ConfigSchema.TOKEN);
        Optional<String> tokenFile = Values.string(m, ConfigSchema.TOKEN_FILE);
        Optional<String> ca = Values.string(m, ConfigSchema.CA);
        Optional<String> kubeconfig = Values.string(m, ConfigSchema.KUBECONFIG);
        Optional<String> context = Values.string(m, ConfigSchema.CONTEXT);
        Optional<String> ackClusterId = Values.string(m, ConfigSchema.ACK_CLUSTER_ID);
        boolean hasServer = m.get(ConfigSchema.SERVER.name) != null;
        boolean hasKubeconfig = m.get(ConfigSchema.KUBECONFIG.name) != null;
        if (!hasServer && !hasKubeconfig && m.get(ConfigSchema.ACK_CLUSTER_ID.name) == null) {
            problems.add(at + ": needs server (with token or tokenFile), kubeconfig, or ackClusterId alone (a"
                    + " short-lived kubeconfig from the ACK API for clb-sync's own credentials)");
        } else if (hasServer && hasKubeconfig) {
            problems.add(at + ": server and kubeconfig exclude each other");
        }
        server.ifPresent(s -> server(s, at, token, tokenFile));
        if (!hasServer && (token.isPresent() || tokenFile.isPresent() || ca.isPresent())) {
            problems.add(at + ": token, tokenFile and certificateAuthorityData go with server, not kubeconfig");
        }
        if (tokenFile.isPresent() && !Files.isReadable(resolve.apply(tokenFile.get()))) {
            problems.add(at + ".tokenFile: no readable file at the path given (" + Values.kindOf(tokenFile.get()) + "; not"
                    + " shown, in case a token was pasted here: it belongs in token)");
        }
        if (ca.isPresent() && !isBase64(ca.get())) {
            problems.add(at + ".certificateAuthorityData: not base64 (it holds the PEM, base64-encoded, as in a kubeconfig)");
        }
        if (context.isPresent() && !hasKubeconfig) {
            problems.add(at + ".context: goes with kubeconfig");
        }
        Optional<String> kubeconfigValue = kubeconfig.map(k -> kubeconfig(k, at));
        Optional<String> name = Values.string(m, ConfigSchema.NAME);
        if (problems.size() > before || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ClusterConfig.builder(name.get()).ownerId(Values.string(m, ConfigSchema.OWNER_ID).orElse(null))
                .identity(Values.string(m, ConfigSchema.IDENTITY).orElse(null)).ackClusterId(ackClusterId.orElse(null))
                .server(server.orElse(null)).token(token.orElse(null))
                .tokenFile(tokenFile.map(f -> resolve.apply(f).toString()).orElse(null)).certificateAuthorityData(ca.orElse(null))
                .kubeconfig(kubeconfigValue.orElse(null)).context(context.orElse(null))
                .insecureSkipTlsVerify(Values.bool(m, ConfigSchema.INSECURE)).timeoutSeconds(Values.integer(m, ConfigSchema.TIMEOUT))
                .backendType(BackendType.parse(Values.choice(m, ConfigSchema.BACKEND_TYPE)).orElse(BackendType.ECS)).build());
    }

    private void server(String server, String at, Optional<String> token, Optional<String> tokenFile) {
        URI uri = uri(server);
        if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            problems.add(at + ".server: must be an https:// URL with a host (" + Values.kindOf(server) + " given; not shown)");
        } else {
            Transport.refusal(server).ifPresent(why -> problems.add(at + ".server: " + why));
        }
        if (token.isEmpty() && tokenFile.isEmpty()) {
            problems.add(at + ".token: needed with server (or tokenFile)");
        } else if (token.isPresent() && tokenFile.isPresent()) {
            problems.add(at + ".tokenFile: token and tokenFile exclude each other");
        } else if (token.isPresent() && token.get().isBlank()) {
            problems.add(at + ".token: empty");
        }
    }

    /** The kubeconfig as given inline, or its file's path resolved; a base64 one or an unreadable path is a problem. */
    private String kubeconfig(String kubeconfig, String at) {
        if (looksBase64Kubeconfig(kubeconfig)) {
            problems.add(at + ".kubeconfig: holds base64 (not shown): give the kubeconfig as text (kubeconfig: |) or a"
                    + " file's path");
            return kubeconfig;
        }
        if (ClusterConfig.isInlineKubeconfig(kubeconfig)) {
            return kubeconfig;
        }
        Path path = resolve.apply(kubeconfig);
        if (!Files.isReadable(path)) {
            problems.add(at + ".kubeconfig: no readable file at the path given (" + Values.kindOf(kubeconfig) + "; not shown)");
        }
        return path.toString();
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

    static URI uri(String s) {
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
