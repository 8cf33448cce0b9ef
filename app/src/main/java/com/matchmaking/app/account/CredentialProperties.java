package com.matchmaking.app.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * One-time codes sent by mail: confirming a member's address, resetting a password.
 *
 * @param codeTtl      how long a code (and a registration waiting for its confirmation) lives
 * @param codeAttempts wrong guesses an address's codes take before they are spent
 */
@ConfigurationProperties("matchmaking.credentials")
public record CredentialProperties(@DefaultValue("PT30M") Duration codeTtl, @DefaultValue("5") int codeAttempts) {

    public CredentialProperties {
        if (codeTtl.isNegative() || codeTtl.isZero() || codeAttempts < 1) {
            throw new IllegalArgumentException("matchmaking.credentials.code-ttl and code-attempts must be positive");
        }
    }
}
