package com.matchmaking.app.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The hash chain over the event log ({@code matchmaking.audit-chain.*}).
 *
 * @param sealInterval       how often new events are linked into the chain (verifyAuditChain seals first, too)
 * @param checkpointEvery    a checkpoint every this many events (and one at the end of every sealing run)
 * @param anchorFile         where every checkpoint is also appended, outside the database; default
 *                           {@code <ledger-dir>/audit-anchor.jsonl} (see MatchmakingProperties#ledgerFolder). Keep it on other storage than the database
 */
@ConfigurationProperties("matchmaking.audit-chain")
public record AuditChainProperties(@DefaultValue("PT5S") Duration sealInterval,
                                   @DefaultValue("1000") int checkpointEvery,
                                   Path anchorFile) {

    public AuditChainProperties {
        if (checkpointEvery < 1 || sealInterval.isNegative() || sealInterval.isZero()) {
            throw new IllegalArgumentException("matchmaking.audit-chain: checkpoint-every must be at least 1 and the "
                    + "seal interval positive");
        }
    }
}
