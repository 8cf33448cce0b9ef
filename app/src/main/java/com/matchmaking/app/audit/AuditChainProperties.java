package com.matchmaking.app.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The hash chain over the event log ({@code matchmaking.audit-chain.*}).
 *
 * @param sealInterval       how often new events are linked into the chain (verifyAuditChain seals first, too)
 * @param checkpointEvery    a checkpoint every this many events (and one at the end of every sealing run)
 */
@ConfigurationProperties("matchmaking.audit-chain")
public record AuditChainProperties(@DefaultValue("PT5S") Duration sealInterval,
                                   @DefaultValue("1000") int checkpointEvery) {

    public AuditChainProperties {
        if (checkpointEvery < 1 || sealInterval.isNegative() || sealInterval.isZero()) {
            throw new IllegalArgumentException("matchmaking.audit-chain: checkpoint-every must be at least 1 and the "
                    + "seal interval positive");
        }
    }
}
