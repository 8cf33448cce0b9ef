package com.matchmaking.app.consent;

import com.matchmaking.app.erasure.ErasureLedger;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Withdrawing consent to sensitive data shreds that key group alone, in the same transaction as the withdrawal:
 * every sensitive value ever stored for the member becomes unreadable, while the rest of their data stays. The
 * destroyed generation goes into the erasure ledger once the transaction commits, so a database restored from an
 * older backup has it destroyed again on the next start.
 */
@Component
@InCommandTransaction("Sensitive data is shredded with the withdrawal of consent itself: no moment in which the "
        + "consent is withdrawn and the data still readable")
@ProcessingGroup(SensitiveDataShredder.GROUP)
class SensitiveDataShredder {

    static final String GROUP = "consent-shredding";

    private final SubjectKeyVault vault;
    private final ErasureLedger ledger;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SensitiveDataShredder(SubjectKeyVault vault, ErasureLedger ledger, JdbcTemplate jdbc, Clock clock) {
        this.vault = vault;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        if (event.purpose() != ConsentPurpose.SENSITIVE_DATA) {
            return;
        }
        List<Integer> live = jdbc.queryForList("SELECT generation FROM subject_key WHERE subject_id = ? AND key_group = ? "
                + "AND wrapped_keyset IS NOT NULL", Integer.class, event.memberId(), KeyGroups.SENSITIVE);
        if (vault.destroyGroup(event.memberId(), KeyGroups.SENSITIVE)) {
            for (int generation : live) {
                ledger.appendGroupAfterCommit(new ErasureLedger.DestroyedGroup(event.memberId(), KeyGroups.SENSITIVE,
                        generation), clock.instant());
            }
        }
    }
}
