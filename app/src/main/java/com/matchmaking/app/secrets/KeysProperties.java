package com.matchmaking.app.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of crypto-shredding's keys.
 *
 * @param kekFile        local KEK keyset file; default {@code <data-dir>/kek.json}; created on first start unless the
 *                       {@code prod} profile is active
 * @param kekUri         a KMS key URI (for example {@code aws-kms://...}); when set, the KEK lives in that KMS and
 *                       the local file is not used; needs a Tink {@code KmsClient} bean for the scheme
 * @param cacheSize      how many subjects' unwrapped keys stay in memory
 * @param cacheTtl       how long a cached key is trusted before it is read again
 * @param cacheFallbackTtl how long a cached key is trusted while the eviction listener cannot hear other nodes'
 *                       erasures (its connection is down): the longest an erasure elsewhere can go unnoticed here
 * @param evictionCheckInterval how often the eviction listener checks that its connection is alive
 */
@ConfigurationProperties("matchmaking.keys")
public record KeysProperties(Path kekFile,
                             String kekUri,
                             @DefaultValue("10000") long cacheSize,
                             @DefaultValue("PT5M") Duration cacheTtl,
                             @DefaultValue("PT5S") Duration cacheFallbackTtl,
                             @DefaultValue("PT5S") Duration evictionCheckInterval) {
}
