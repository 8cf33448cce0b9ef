package com.matchmaking.readmodels.compliance;

import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.sharing.DataShareApproved;
import com.matchmaking.schema.sharing.DataShareCancelled;
import com.matchmaking.schema.sharing.DataShareConsented;
import com.matchmaking.schema.sharing.DataShareRefused;
import com.matchmaking.schema.sharing.DataShareRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The register of third-party shares: which member, which fields, who asked and who approved, where each stands and
 * when. Recipients and purposes are personal (encrypted in the member's events); the register query decrypts them
 * from the log. An erased member's shares leave the register with them.
 */
@Component
@ProcessingGroup(DataShareRegisterProjection.GROUP)
public class DataShareRegisterProjection {

    public static final String GROUP = "data-share-register";

    private final JdbcTemplate jdbc;

    public DataShareRegisterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DataShareRequested event) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO data_share (share_id, member_id, requester_id, requester_role, fields, status, requested_at)
                    VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?) ON CONFLICT (share_id) DO NOTHING
                    """);
            statement.setObject(1, event.shareId());
            statement.setObject(2, event.memberId());
            statement.setObject(3, event.requesterId());
            statement.setString(4, event.requesterRole());
            statement.setArray(5, connection.createArrayOf("text",
                    event.fields().stream().sorted().map(ProfileField::name).toArray()));
            statement.setTimestamp(6, Timestamp.from(event.requestedAt()));
            return statement;
        });
    }

    @EventHandler
    void on(DataShareConsented event) {
        jdbc.update("UPDATE data_share SET status = 'CONSENTED', consented_at = ? WHERE share_id = ?",
                Timestamp.from(event.consentedAt()), event.shareId());
    }

    @EventHandler
    void on(DataShareRefused event) {
        close(event.shareId(), "REFUSED", event.refusedAt());
    }

    @EventHandler
    void on(DataShareCancelled event) {
        close(event.shareId(), "CANCELLED", event.cancelledAt());
    }

    @EventHandler
    void on(DataShareApproved event) {
        jdbc.update("UPDATE data_share SET status = 'APPROVED', approver_id = ?, approved_at = ? WHERE share_id = ?",
                event.approverId(), Timestamp.from(event.approvedAt()), event.shareId());
    }

    @EventHandler
    void on(MemberDataShared event) {
        jdbc.update("UPDATE data_share SET status = 'SHARED', shared_at = ?, closed_at = ? WHERE share_id = ?",
                Timestamp.from(event.sharedAt()), Timestamp.from(event.sharedAt()), event.shareId());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM data_share WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM data_share");
    }

    private void close(UUID shareId, String status, Instant at) {
        jdbc.update("UPDATE data_share SET status = ?, closed_at = ? WHERE share_id = ?", status, Timestamp.from(at), shareId);
    }
}
