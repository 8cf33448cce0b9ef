package com.matchmaking.app.tls;

import com.matchmaking.app.MatchmakingProperties;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Puts the API behind HTTPS on {@code server.port}: with a certificate of the agency's ({@code configured}, required
 * by the {@code prod} profile) or one made for localhost on first start ({@code self-signed}, the development
 * default). A second, plain-HTTP port serves the API in development; in {@code prod} it only redirects to HTTPS
 * (see the security configuration), and HSTS tells browsers never to come back over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TlsConfiguration.class);

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpsConnector(TlsProperties tls, MatchmakingProperties properties,
                                                                             Environment environment) {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        return factory -> {
            if (tls.mode() == TlsProperties.Mode.OFF) {
                if (prod) {
                    throw new IllegalStateException("The prod profile serves HTTPS only: set matchmaking.tls.mode=configured");
                }
                return;
            }
            if (prod && tls.mode() != TlsProperties.Mode.CONFIGURED) {
                throw new IllegalStateException("The prod profile needs the agency's certificate: set matchmaking.tls.mode="
                        + "configured with matchmaking.tls.certificate and matchmaking.tls.private-key");
            }
            Path[] files = tls.mode() == TlsProperties.Mode.CONFIGURED ? configured(tls) : selfSigned(tls, properties);
            Ssl ssl = new Ssl();
            ssl.setEnabled(true);
            ssl.setCertificate("file:" + files[0].toAbsolutePath());
            ssl.setCertificatePrivateKey("file:" + files[1].toAbsolutePath());
            ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            factory.setSsl(ssl);
            if (tls.httpPort() > 0) {
                Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
                http.setPort(tls.httpPort());
                http.setRedirectPort(factory.getPort());
                factory.addAdditionalTomcatConnectors(http);
            }
        };
    }

    private static Path[] configured(TlsProperties tls) {
        if (tls.certificate() == null || tls.privateKey() == null
                || !Files.isReadable(tls.certificate()) || !Files.isReadable(tls.privateKey())) {
            throw new IllegalStateException("matchmaking.tls.mode=configured needs readable matchmaking.tls.certificate "
                    + "and matchmaking.tls.private-key (PEM)");
        }
        return new Path[] {tls.certificate(), tls.privateKey()};
    }

    /** The development certificate: made on first start, and again when it is about to expire. */
    private static Path[] selfSigned(TlsProperties tls, MatchmakingProperties properties) {
        Path directory = tls.directory() != null ? tls.directory() : properties.dataDir().resolve("tls");
        Path certificate = directory.resolve("localhost.crt");
        Path key = directory.resolve("localhost.key");
        try {
            if (!Files.exists(certificate) || !Files.exists(key) || expiresWithinAWeek(certificate)) {
                Certificates.writePem(Certificates.server("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"), null,
                        Duration.ofDays(365)), certificate, key);
                log.warn("Made a self-signed certificate for localhost in {}: for development only", directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the development certificate", e);
        }
        return new Path[] {certificate, key};
    }

    private static boolean expiresWithinAWeek(Path certificate) throws IOException {
        try (var in = Files.newInputStream(certificate)) {
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return parsed.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(7)));
        } catch (CertificateException unreadable) {
            return true;
        }
    }
}
