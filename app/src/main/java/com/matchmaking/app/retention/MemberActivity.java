package com.matchmaking.app.retention;

import com.matchmaking.app.account.AccountKind;
import com.matchmaking.app.account.LoginOutcome;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.erasure.MemberErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * When each member last logged in (everything a member does needs a login). Registration writes nothing here: a
 * member who never logged in counts from the creation of their account, which the registration's own transaction
 * writes anyway (see {@link RetentionScheduler}), so the command pays for no second row. Removed in the erasure's
 * transaction (a subscribing processor). Ids and times only.
 */
@Component
@InCommandTransaction("An erased member's activity row goes with the erasure: a row left behind would"
        + " outlive the member it is about")
@ProcessingGroup(MemberActivity.GROUP)
class MemberActivity {

    static final String GROUP = "member-activity";

    private final JdbcTemplate jdbc;

    MemberActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
