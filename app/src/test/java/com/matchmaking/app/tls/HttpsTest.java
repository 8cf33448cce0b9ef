package com.matchmaking.app.tls;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.keys.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encryption in transit: the development setup serves the API over HTTPS with a certificate it makes for localhost,
 * with HSTS; the prod profile answers plain HTTP only with a redirect to HTTPS and refuses to start without the
 * agency's own certificate.
 */
class HttpsTest {

    @Test
    void theDevelopmentSetupServesHttpsWithItsOwnLocalhostCertificateAndHsts() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("https");
        Path tlsDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls");
        int https = freePort();
        int http = freePort();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test")
                .run(TestApplications.arguments(database, "--server.port=" + https, "--matchmaking.tls.mode=self-signed",
                        "--matchmaking.tls.directory=" + tlsDir, "--matchmaking.tls.http-port=" + http))) {
            Path certificate = tlsDir.resolve("localhost.crt");
            X509Certificate parsed = read(certificate);
            assertThat(parsed.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
                    .contains("localhost", "127.0.0.1");
            assertThat(Files.getPosixFilePermissions(tlsDir.resolve("localhost.key")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            HttpResponse<String> secure = TlsClients.privacyPolicy(TlsClients.trusting(certificate), "https://localhost:" + https);
            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.body()).contains("privacyPolicy");
            assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    hsts -> assertThat(hsts).contains("max-age=31536000"));

            HttpResponse<String> plain = TlsClients.privacyPolicy(TlsClients.plain(), "http://localhost:" + http);
            assertThat(plain.statusCode()).as("development also answers plain HTTP on its second port").isEqualTo(200);
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

            assertThatThrownBy(() -> TlsClients.privacyPolicy(TlsClients.trusting(Files.writeString(
                    tlsDir.resolve("other.crt"), otherCertificate())), "https://localhost:" + https))
                    .as("a client that does not trust this certificate gets no answer")
                    .hasStackTraceContaining("SSLHandshakeException").hasStackTraceContaining("PKIX path validation failed");
        }
    }

    @Test
    void theProdProfileRedirectsPlainHttpToHttpsAndInsistsOnTheAgencysCertificate() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("https_prod");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls-prod");
        Certificates.Issued authority = Certificates.authority("Agency Test CA", java.time.Duration.ofDays(2));
        Certificates.writePem(Certificates.server("localhost", List.of("localhost"), List.of("127.0.0.1"), authority,
                java.time.Duration.ofDays(1)), dir.resolve("server.crt"), dir.resolve("server.key"));
        Certificates.writePem(authority, dir.resolve("ca.crt"), dir.resolve("ca.key"));
        // The prod profile never makes a KEK of its own: this one stands for the agency's.
        com.matchmaking.keys.kek.LocalFileKekProvider.open(
                Path.of((String) TestApplications.properties(database).get("matchmaking.keys.kek-file")), true);
        int https = freePort();
        int http = freePort();
        String[] common = TestApplications.arguments(database, "--server.port=" + https, "--matchmaking.tls.http-port=" + http);

        assertThatThrownBy(() -> new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test", "prod")
                .run(concat(common, "--matchmaking.tls.mode=self-signed")))
                .hasStackTraceContaining("The prod profile needs the agency's certificate");

        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(MatchmakingApplication.class)
                .profiles("test", "prod").run(concat(common, "--matchmaking.tls.mode=configured",
                        "--matchmaking.tls.certificate=" + dir.resolve("server.crt"),
                        "--matchmaking.tls.private-key=" + dir.resolve("server.key")))) {
            HttpResponse<String> plain = TlsClients.privacyPolicy(TlsClients.plain(), "http://localhost:" + http);
            assertThat(plain.statusCode()).isBetween(301, 308);
            assertThat(plain.headers().firstValue("Location")).hasValue("https://localhost:" + https + "/graphql");
            assertThat(plain.body()).doesNotContain("privacyPolicy");

            HttpResponse<String> secure = TlsClients.privacyPolicy(TlsClients.trusting(dir.resolve("ca.crt")),
                    "https://localhost:" + https);
            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    private static String otherCertificate() throws Exception {
        var other = Certificates.server("localhost", List.of("localhost"), List.of(), null, java.time.Duration.ofDays(1));
        return Certificates.pem("CERTIFICATE", other.certificate().getEncoded());
    }

    private static X509Certificate read(Path certificate) throws Exception {
        try (InputStream in = Files.newInputStream(certificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
