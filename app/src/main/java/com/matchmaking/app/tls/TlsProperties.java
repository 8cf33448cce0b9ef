package com.matchmaking.app.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * HTTPS for the API.
 *
 * @param mode        {@code self-signed} (default): a certificate for localhost made on first start in
 *                    {@code directory}; {@code configured}: the PEM certificate and key below (the {@code prod} profile
 *                    requires it); {@code off}: plain HTTP on {@code server.port} (the tests' setting)
 * @param certificate PEM certificate chain, for {@code configured}
 * @param privateKey  PEM private key, for {@code configured}
 * @param directory   where the self-signed certificate lives; default {@code <data-dir>/tls}
 * @param httpPort    a second, plain-HTTP port beside the HTTPS one ({@code server.port}): it serves the API in
 *                    development and only redirects to HTTPS in the {@code prod} profile; 0 or less: none
 */
@ConfigurationProperties("matchmaking.tls")
public record TlsProperties(@DefaultValue("self-signed") Mode mode, Path certificate, Path privateKey, Path directory,
                            @DefaultValue("8080") int httpPort) {

    public enum Mode { SELF_SIGNED, CONFIGURED, OFF }
}
