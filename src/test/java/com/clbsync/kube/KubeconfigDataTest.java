package com.clbsync.kube;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigDataTest {
    private static final String SECRET = "kubeconfig-secret-token-do-not-print";

    private static String kubeconfig(String cluster, String user) {
        return String.join("\n", "apiVersion: v1", "kind: Config", "current-context: c",
                "clusters: [{name: k, cluster: {" + cluster + "}}]", "users: [{name: u, user: {" + user + "}}]",
                "contexts: [{name: c, context: {cluster: k, user: u}}]", "");
    }

    private static void refused(String cluster, String user, String field) {
        assertThatThrownBy(() -> KubeconfigData.parse(kubeconfig(cluster, user), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field).hasMessageContaining("refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("touch"));
    }

    @Test
    void readsServerCaAndTokenOrClientCertificate() {
        String ca = Base64.getEncoder().encodeToString("CA PEM".getBytes());
        KubeconfigData t = KubeconfigData.parse(kubeconfig("server: 'https://10.0.0.1:6443', certificate-authority-data: " + ca,
                "token: " + SECRET), null);
        assertThat(t.server()).isEqualTo("https://10.0.0.1:6443");
        assertThat(t.certificateAuthority()).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("CA PEM"));
        assertThat(t.token()).hasValue(SECRET);
        assertThat(t.toString()).doesNotContain(SECRET);

        String pem = Base64.getEncoder().encodeToString("PEM".getBytes());
        KubeconfigData c = KubeconfigData.parse(kubeconfig("server: 'https://k:6443'",
                "client-certificate-data: " + pem + ", client-key-data: " + pem), null);
        assertThat(c.token()).isEmpty();
        assertThat(c.clientCertificate()).isPresent();
    }

    @Test
    void refusesWhatWouldRunACommandOrAPluginOrOpenAFile() {
        refused("server: 'https://k:6443'", "exec: {apiVersion: client.authentication.k8s.io/v1, command: sh,"
                + " args: [-c, 'touch /tmp/pwned']}", "exec");
        refused("server: 'https://k:6443'", "auth-provider: {name: gcp}", "auth-provider");
        refused("server: 'https://k:6443'", "tokenFile: /var/run/secrets/token", "tokenFile");
        refused("server: 'https://k:6443'", "client-certificate: /etc/c.pem, client-key: /etc/k.pem", "client-certificate");
        refused("server: 'https://k:6443', certificate-authority: /etc/ca.pem", "token: " + SECRET, "certificate-authority");
        refused("server: 'https://k:6443', insecure-skip-tls-verify: true", "token: " + SECRET, "insecure-skip-tls-verify");
    }

    @Test
    void refusesPlainHttpToARemoteServerAndAcceptsLoopback() {
        assertThatThrownBy(() -> KubeconfigData.parse(kubeconfig("server: 'http://10.0.0.1:8080'", "token: " + SECRET), null))
                .hasMessageContaining("plain http://").satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThat(KubeconfigData.parse(kubeconfig("server: 'http://127.0.0.1:8080'", "token: t"), null).server())
                .isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void namesAMissingContextAndNeverQuotesTheText() {
        assertThatThrownBy(() -> KubeconfigData.parse(kubeconfig("server: 'https://k:6443'", "token: " + SECRET), "other"))
                .hasMessage("context \"other\" names no context in the kubeconfig");
        assertThatThrownBy(() -> KubeconfigData.parse("token: " + SECRET + "\n  : : [", null))
                .hasMessage("the kubeconfig is not valid YAML");
    }
}
