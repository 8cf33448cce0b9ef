package com.matchmaking.app.security;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.authorization.AuthorizationTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Members must accept the current privacy policy before their next use: after a new version is published, every
 * member operation is refused ({@code FORBIDDEN}, naming the version to accept) until they accept it, except reading
 * and accepting the policy and the rights that never depend on it (see
 * {@link AuthorizationTable#usableWithoutCurrentPolicy(String)}). One query per member request, against the login
 * table and the published versions, both kept in the same transaction as the events that change them.
 */
@Component
class PolicyGate {

    private final JdbcTemplate jdbc;

    PolicyGate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void check(String operation, Actor actor) {
        if (actor == null || !actor.isMember() || AuthorizationTable.usableWithoutCurrentPolicy(operation)
                || AuthorizationTable.operation(operation).map(AuthorizationTable.OperationRule::open).orElse(true)) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT a.accepted_policy_version AS accepted,
                       (SELECT version FROM privacy_policy_version ORDER BY seq DESC LIMIT 1) AS current
                FROM account a WHERE a.account_id = ?
                """, actor.accountId());
        if (rows.isEmpty()) {
            return;
        }
        Object current = rows.get(0).get("current");
        if (current != null && !current.equals(rows.get(0).get("accepted"))) {
            throw RequestRejectedException.forbidden(MessageKey.POLICY_CHANGED, current);
        }
    }
}
