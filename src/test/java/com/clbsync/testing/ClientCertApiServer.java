package com.clbsync.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kubernetes API server stand-in on loopback that, like a real one behind an ACK kubeconfig, speaks
 * TLS with its own CA and admits only clients presenting a certificate that CA signed. It answers the
 * three lists clb-sync makes with the JSON given, and records the client certificates it saw. Its CA,
 * server and client certificates are made afresh for each instance.
 */
public final class ClientCertApiServer implements AutoCloseable {
    private final HttpsServer server;
    private final X509Certificate ca;
    private final X509Certificate client;
    private final PrivateKey clientKey;
    private final List<String> clientsSeen = new CopyOnWriteArrayList<>();

    /** The UID of its kube-system namespace. */
    public static final String IDENTITY = "c1e27ce1-0000-4000-8000-000000000001";

    /** @param services, slices, nodes the JSON arrays of items each list answers */
    public ClientCertApiServer(String services, String slices, String nodes) throws Exception {
        KeyPair caKeys = keys();
        ca = certificate("CN=test-ca", caKeys, "CN=test-ca", caKeys, true);
        KeyPair serverKeys = keys();
        X509Certificate serverCert = certificate("CN=127.0.0.1", serverKeys, "CN=test-ca", caKeys, false);
        KeyPair clientKeys = keys();
        client = certificate("CN=clb-sync-role", clientKeys, "CN=test-ca", caKeys, false);
        clientKey = clientKeys.getPrivate();

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new Certificate[] {serverCert, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", ex -> {
            X509Certificate peer = (X509Certificate) ((HttpsExchange) ex).getSSLSession().getPeerCertificates()[0];
            clientsSeen.add(peer.getSubjectX500Principal().getName());
            String path = ex.getRequestURI().getPath();
            String kind = path.endsWith("services") ? "ServiceList" : path.endsWith("nodes") ? "NodeList" : "EndpointSliceList";
            String items = path.endsWith("services") ? services : path.endsWith("nodes") ? nodes : slices;
            byte[] body = (path.equals("/api/v1/namespaces/kube-system") // which cluster this is
                    ? "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"kube-system\",\"uid\":\""
                    + IDENTITY + "\"}}"
                    : "{\"kind\":\"" + kind + "\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":" + items + "}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A kubeconfig as ACK hands it out: the server, its CA, and a client certificate and key. */
    public String kubeconfig() throws Exception {
        return String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: ack",
                "  cluster:",
                "    server: " + url(),
                "    certificate-authority-data: " + b64(pem(ca)),
                "users:",
                "- name: role",
                "  user:",
                "    client-certificate-data: " + b64(pem(client)),
                "    client-key-data: " + b64(pem(clientKey)),
                "contexts:",
                "- name: ack",
                "  context: {cluster: ack, user: role}",
                "current-context: ack",
                "");
    }

    /** The subjects of the client certificates of the requests answered. */
    public List<String> clientsSeen() {
        return List.copyOf(clientsSeen);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, KeyPair issuerKeys, boolean ca)
            throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(subject.hashCode() & 0xffff)),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject),
                keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        }
        return w.toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
