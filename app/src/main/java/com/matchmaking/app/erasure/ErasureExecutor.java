package com.matchmaking.app.erasure;

import com.matchmaking.app.account.Logins;
import com.matchmaking.keys.vault.ErasedKeys;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.erasure.MemberErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Carries out an erasure in the same transaction as the {@link MemberErased} event (a subscribing processor whose
 * errors roll the command back): destroys the member's keys and raises the fence, so every event of theirs turns
 * into unreadable ciphertext; deletes their snapshots, dead letters and sagas and their login; and writes the receipt.
 * Read models delete their own rows when they see the event.
 */
@Component
@ProcessingGroup(ErasureExecutor.GROUP)
class ErasureExecutor {

    static final String GROUP = "erasure";
    private static final Logger log = LoggerFactory.getLogger(ErasureExecutor.class);

    private final SubjectKeyVault vault;
    private final Logins logins;
    private final ErasureReceipts receipts;
    private final JdbcTemplate jdbc;

    ErasureExecutor(SubjectKeyVault vault, Logins logins, ErasureReceipts receipts, JdbcTemplate jdbc) {
        this.vault = vault;
        this.logins = logins;
        this.receipts = receipts;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberErased event) {
        UUID memberId = event.memberId();
        String id = memberId.toString();
        ErasedKeys keys = vault.erase(memberId);
        int snapshots = jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", id);
        int deadLetters = jdbc.update("DELETE FROM dead_letter_entry WHERE sequence_identifier = ? OR aggregate_identifier = ?", id, id);
        List<String> sagas = jdbc.queryForList(
                "SELECT DISTINCT saga_id FROM association_value_entry WHERE association_value = ?", String.class, id);
        for (String saga : sagas) {
            jdbc.update("DELETE FROM association_value_entry WHERE saga_id = ?", saga);
            jdbc.update("DELETE FROM saga_entry WHERE saga_id = ?", saga);
        }
        boolean loginRemoved = logins.remove(memberId);
        List<String> groups = keys.destroyed().stream().map(ErasedKeys.DestroyedKey::group).distinct().sorted().toList();
        receipts.insert(new ErasureReceipts.Receipt(UUID.randomUUID(), memberId, event.requestedAt(), event.erasedAt(),
                groups, snapshots, deadLetters, sagas.size(), loginRemoved));
        log.info("Erased member {}: key groups {}, {} snapshots, {} dead letters, {} sagas", memberId, groups, snapshots,
                deadLetters, sagas.size());
    }
}
