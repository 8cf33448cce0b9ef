package com.matchmaking.app.account;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.secrets.ServiceSecrets;
import com.matchmaking.app.secrets.StartupSecret;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed login tokens: JWTs signed with HS256 by Nimbus, through Spring Security's encoder and decoder. The subject
 * is the account id, nothing personal, and every token expires. Roles are not in the token; they are read at every
 * request. The signing key is a service secret shared by all nodes. Each token carries its account's token version
 * ({@value #VERSION}, a counter): moving the account's version on revokes every token issued before.
 */
@Component
@Order(2)
class Tokens implements StartupSecret {

    static final String ISSUER = "matchmaking";
    private static final String SIGNING_SECRET = ServiceSecrets.TOKEN_SIGNING;
    static final String VERSION = "ver";

    private final ServiceSecrets secrets;
    private final MatchmakingProperties properties;
    private volatile NimbusJwtEncoder encoder;
    private volatile NimbusJwtDecoder decoder;

    Tokens(ServiceSecrets secrets, MatchmakingProperties properties) {
        this.secrets = secrets;
        this.properties = properties;
    }

    /** Opens the signing key at start-up, making it only on a first start. */
    @Override
    public void open(boolean firstStart) {
        secrets.secret(SIGNING_SECRET, 32, () -> firstStart);
    }

    record Issued(String token, Instant expiresAt) {
    }

    /** Whose a verified token is, and the token version it was issued at. */
    record Verified(UUID accountId, long version) {
    }

    Issued issue(UUID accountId, long version, Instant now) {
        Instant expiresAt = now.plus(properties.auth().tokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(accountId.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(VERSION, version)
                .build();
        Jwt jwt = encoder().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims));
        return new Issued(jwt.getTokenValue(), expiresAt);
    }

    /** The account id and token version of a valid, unexpired token of ours. */
    Optional<Verified> verify(String token) {
        try {
            Jwt jwt = decoder().decode(token);
            Object version = jwt.getClaims().get(VERSION);
            if (!(version instanceof Number number)) {
                return Optional.empty();
            }
            return Optional.of(new Verified(UUID.fromString(jwt.getSubject()), number.longValue()));
        } catch (JwtException | IllegalArgumentException | NullPointerException invalid) {
            return Optional.empty();
        }
    }

    private SecretKey key() {
        return new SecretKeySpec(secrets.secret(SIGNING_SECRET, 32), "HmacSHA256");
    }

    // Built on first use, not at start-up: the secret lives in a table that Flyway creates.
    private NimbusJwtEncoder encoder() {
        if (encoder == null) {
            encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key()));
        }
        return encoder;
    }

    private NimbusJwtDecoder decoder() {
        if (decoder == null) {
            NimbusJwtDecoder built = NimbusJwtDecoder.withSecretKey(key()).macAlgorithm(MacAlgorithm.HS256).build();
            built.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            decoder = built;
        }
        return decoder;
    }
}
