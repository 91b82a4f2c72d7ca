package com.clbsync.kube;

import com.clbsync.config.ClusterConfig;
import com.clbsync.config.Transport;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.credentials.ClientCertificateAuthentication;
import io.kubernetes.client.util.credentials.TokenFileAuthentication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
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
            Optional<String> plain = Transport.refusal(c.server().get());
            if (plain.isPresent()) {
                throw new IOException("server: " + plain.get());
            }
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
            String text = ClusterConfig.isInlineKubeconfig(kubeconfig) ? kubeconfig
                    : Files.readString(Path.of(kubeconfig), StandardCharsets.UTF_8);
            KubeconfigData kc;
            try {
                kc = KubeconfigData.parse(text, c.context().orElse(null));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage());
            }
            // built from the data alone: client-java's own kubeconfig loader would run an exec plugin
            ClientBuilder b = new ClientBuilder().setBasePath(kc.server()).setVerifyingSsl(!c.insecureSkipTlsVerify())
                    .setReadTimeout(Duration.ofSeconds(c.timeoutSeconds()));
            kc.certificateAuthority().ifPresent(b::setCertificateAuthority);
            b.setAuthentication(kc.token().isPresent() ? new AccessTokenAuthentication(kc.token().get())
                    : new ClientCertificateAuthentication(kc.clientCertificate().orElseThrow(), kc.clientKey().orElseThrow()));
            client = b.build();
        }
        client.setConnectTimeout((int) Duration.ofSeconds(Math.min(10, c.timeoutSeconds())).toMillis());
        client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(chain -> {
            requests.increment();
            return chain.proceed(chain.request());
        }).build());
        return client;
    }
}
