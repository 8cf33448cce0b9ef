package com.matchmaking.app.retention;

import com.matchmaking.app.account.AccountKind;
import com.matchmaking.app.account.LoginOutcome;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.MemberRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * When each member was last active: registration, then every login (everything a member does needs one). Kept in
 * the same transaction as the registration and the erasure (a subscribing processor), and on each login. Ids and
 * times only.
 */
@Component
@ProcessingGroup(MemberActivity.GROUP)
class MemberActivity {

    static final String GROUP = "member-activity";

    private final JdbcTemplate jdbc;

    MemberActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegistered event) {
        jdbc.update("INSERT INTO member_activity (member_id, last_active_at) VALUES (?, ?) ON CONFLICT (member_id) DO NOTHING",
                event.memberId(), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM member_activity WHERE member_id = ?", event.memberId());
    }

    @EventListener
    void on(LoginOutcome.Succeeded login) {
        if (login.kind() == AccountKind.MEMBER) {
            jdbc.update("""
                    INSERT INTO member_activity (member_id, last_active_at) VALUES (?, ?)
                    ON CONFLICT (member_id) DO UPDATE SET last_active_at = greatest(member_activity.last_active_at, EXCLUDED.last_active_at)
                    """, login.accountId(), Timestamp.from(login.at()));
        }
    }
}
