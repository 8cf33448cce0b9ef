package com.matchmaking.app.erasure;

import com.matchmaking.app.account.Logins;
import com.matchmaking.keys.vault.ErasedKeys;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.MemberErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Carries out an erasure in the same transaction as the {@link MemberErased} event (a subscribing processor whose
 * errors roll the command back): destroys the member's keys and raises the fence, so every event of theirs turns
 * into unreadable ciphertext; deletes their snapshots, dead letters and sagas and their login; and writes the receipt.
 * Read models delete their own rows when they see the event. Once the transaction commits, the erasure is appended
 * to the erasure ledger outside the database.
 */
@Component
@InCommandTransaction("The keys are destroyed and the login removed with the erasure itself: an erasure that fails to "
        + "carry out rolls back, never half-done")
@ProcessingGroup(ErasureExecutor.GROUP)
class ErasureExecutor {

    static final String GROUP = "erasure";
    private static final Logger log = LoggerFactory.getLogger(ErasureExecutor.class);

    private final SubjectKeyVault vault;
    private final Logins logins;
    private final ErasureReceipts receipts;
    private final ErasureLedger ledger;
    private final JdbcTemplate jdbc;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    ErasureExecutor(SubjectKeyVault vault, Logins logins, ErasureReceipts receipts, ErasureLedger ledger, JdbcTemplate jdbc,
                    io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.vault = vault;
        this.logins = logins;
        this.receipts = receipts;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberErased event) {
        ErasureCause cause = event.cause();
        long started = System.nanoTime();
        erase(event.memberId(), event.requestedAt(), event.erasedAt(), cause, cause == ErasureCause.ERASURE_LEDGER);
        // Operators' view: how many, how long the erasure itself took, and how long after the request it happened.
        // Tagged with the cause only (three values); never the member.
        io.micrometer.core.instrument.Timer.builder("matchmaking.erasure.execution").tag("cause", cause.name())
                .description("Time to carry out an erasure (keys, fence, snapshots, login, receipt)")
                .register(meters).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (event.requestedAt() != null && event.erasedAt() != null) {
            io.micrometer.core.instrument.Timer.builder("matchmaking.erasure.since.request").tag("cause", cause.name())
                    .description("Time from the erasure request to the erasure")
                    .register(meters).record(java.time.Duration.between(event.requestedAt(), event.erasedAt()));
        }
    }

    /**
     * Destroys everything of the subject the database still holds besides the log, and writes (or, when it is
     * re-applied, counts on) the receipt. Runs in the caller's transaction.
     */
    void erase(UUID memberId, Instant requestedAt, Instant erasedAt, ErasureCause cause, boolean reapplied) {
        String id = memberId.toString();
        ErasedKeys keys = vault.erase(memberId);
        int snapshots = jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", id);
        jdbc.update("DELETE FROM snapshot_seal WHERE aggregate_identifier = ?", id);
        int deadLetters = jdbc.update("DELETE FROM dead_letter_entry WHERE sequence_identifier = ? OR aggregate_identifier = ?", id, id);
        List<String> sagas = jdbc.queryForList(
                "SELECT DISTINCT saga_id FROM association_value_entry WHERE association_value = ?", String.class, id);
        for (String saga : sagas) {
            jdbc.update("DELETE FROM association_value_entry WHERE saga_id = ?", saga);
            jdbc.update("DELETE FROM saga_entry WHERE saga_id = ?", saga);
        }
        boolean loginRemoved = logins.remove(memberId);
        List<String> groups = keys.destroyed().stream().map(ErasedKeys.DestroyedKey::group).distinct().sorted().toList();
        receipts.write(new ErasureReceipts.Receipt(UUID.randomUUID(), memberId, requestedAt, erasedAt, groups, snapshots,
                deadLetters, sagas.size(), loginRemoved, cause, reapplied ? erasedAt : null, reapplied ? 1 : 0));
        ledger.appendAfterCommit(memberId, erasedAt);
        log.info("Erased member {}{}: key groups {}, {} snapshots, {} dead letters, {} sagas", memberId,
                reapplied ? " again (erasure ledger)" : "", groups, snapshots, deadLetters, sagas.size());
    }
}
