package com.clbsync.kube;

import com.clbsync.config.ClusterConfig;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.credentials.TokenFileAuthentication;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;

/** Builds a client-java {@link ApiClient} for a configured cluster: once per cluster, reused by every read. */
public final class KubeClients {

    private KubeClients() {
    }

    /** Ends a client that is no longer used: its calls in flight, idle connections and dispatcher threads. */
    public static void close(ApiClient client) {
        okhttp3.OkHttpClient http = client.getHttpClient();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    public static ApiClient create(ClusterConfig c) throws IOException {
        return create(c, new LongAdder());
    }

    /** The same, counting every request the client sends into {@code requests}. */
    public static ApiClient create(ClusterConfig c, LongAdder requests) throws IOException {
        ApiClient client;
        if (c.server().isPresent()) {
            ClientBuilder b = new ClientBuilder().setBasePath(c.server().get())
                    .setVerifyingSsl(!c.insecureSkipTlsVerify())
                    .setReadTimeout(Duration.ofSeconds(c.timeoutSeconds()));
            b.setAuthentication(c.token().isPresent() ? new AccessTokenAuthentication(c.token().get())
                    : new TokenFileAuthentication(c.tokenFile().orElseThrow()));
            if (c.certificateAuthorityData().isPresent()) {
                b.setCertificateAuthority(Base64.getDecoder().decode(c.certificateAuthorityData().get().replaceAll("\\s", "")));
            }
            client = b.build();
        } else {
            String kubeconfig = c.kubeconfig().orElseThrow();
            boolean inline = ClusterConfig.isInlineKubeconfig(kubeconfig);
            KubeConfig kc;
            try (Reader r = inline ? new StringReader(kubeconfig)
                    : Files.newBufferedReader(Path.of(kubeconfig), StandardCharsets.UTF_8)) {
                kc = KubeConfig.loadKubeConfig(r);
            }
            if (!inline) {
                kc.setFile(Path.of(kubeconfig).toFile());
            }
            if (c.context().isPresent() && !kc.setContext(c.context().get())) {
                throw new IOException("context \"" + c.context().get() + "\" is not in the kubeconfig");
            }
            if (c.context().isEmpty() && (kc.getCurrentContext() == null || !kc.setContext(kc.getCurrentContext()))) {
                throw new IOException(kc.getCurrentContext() == null ? "the kubeconfig has no current-context; set context"
                        : "current-context \"" + kc.getCurrentContext() + "\" names no context in the kubeconfig");
            }
            client = ClientBuilder.kubeconfig(kc).setReadTimeout(Duration.ofSeconds(c.timeoutSeconds())).build();
            if (c.insecureSkipTlsVerify()) {
                client.setVerifyingSsl(false);
            }
        }
        client.setConnectTimeout((int) Duration.ofSeconds(Math.min(10, c.timeoutSeconds())).toMillis());
        client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(chain -> {
            requests.increment();
            return chain.proceed(chain.request());
        }).build());
        return client;
    }
}
