package com.matchmaking.app.account;

import com.matchmaking.app.MatchmakingProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failed logins per login name (its blind index), whether or not the name exists: after a run of failures the name
 * is locked for a while, and each further failure doubles the wait, up to a maximum. Because unknown names lock the
 * same way, a lock says nothing about whether an account exists.
 */
@Repository
class LoginAttempts {

    private final JdbcTemplate jdbc;
    private final MatchmakingProperties.Auth settings;

    LoginAttempts(JdbcTemplate jdbc, MatchmakingProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.auth();
    }

    /** Until when the name is locked, if it is. */
    Optional<Instant> lockedUntil(String loginIndex, Instant now) {
        List<Timestamp> until = jdbc.queryForList("SELECT locked_until FROM login_attempt WHERE login_index = ?",
                Timestamp.class, loginIndex);
        return until.stream().filter(t -> t != null && t.toInstant().isAfter(now)).map(Timestamp::toInstant).findFirst();
    }

    /** Counts a failure; returns the failures in a row, this one included. */
    int failed(String loginIndex, Instant now) {
        int failures = jdbc.queryForObject("""
                INSERT INTO login_attempt (login_index, failures, last_failure_at) VALUES (?, 1, ?)
                ON CONFLICT (login_index) DO UPDATE SET failures = login_attempt.failures + 1, last_failure_at = EXCLUDED.last_failure_at
                RETURNING failures
                """, Integer.class, loginIndex, Timestamp.from(now));
        if (failures >= settings.lockoutAfter()) {
            jdbc.update("UPDATE login_attempt SET locked_until = ? WHERE login_index = ?",
                    Timestamp.from(now.plus(lockFor(failures))), loginIndex);
        }
        return failures;
    }

    void clearFor(java.util.UUID accountId) {
        jdbc.update("DELETE FROM login_attempt WHERE login_index = (SELECT login_index FROM account WHERE account_id = ?)",
                accountId);
    }

    void succeeded(String loginIndex) {
        jdbc.update("DELETE FROM login_attempt WHERE login_index = ?", loginIndex);
    }

    /** The first lock lasts the configured duration; every further failure doubles it, up to the maximum. */
    Duration lockFor(int failures) {
        int doublings = Math.min(failures - settings.lockoutAfter(), 30);
        Duration lock = settings.lockoutDuration().multipliedBy(1L << doublings);
        return lock.compareTo(settings.lockoutMaximum()) > 0 ? settings.lockoutMaximum() : lock;
    }
}
