package com.matchmaking.app.account;

import com.matchmaking.app.MatchmakingProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Login attempts per login name (its blind index), whether or not the name exists. An attempt is counted as a
 * failure before its password is checked, in one statement that also sets the lock when the count reaches the limit
 * and admits nothing while the name is locked: parallel guesses queue on the row and at most the limit of them ever
 * reach the password check. A correct password then clears the count. Each further failure after a lock doubles the
 * next one, up to a maximum. Because unknown names lock the same way, a lock says nothing about whether an account
 * exists. A lock never suspends anything: the owner gets in again when it lifts.
 */
@Repository
class LoginAttempts {

    /** Counts the attempt unless the name is locked; returns the attempts in a row, this one included. */
    private static final String ADMIT = """
            INSERT INTO login_attempt AS a (login_index, failures, last_failure_at, locked_until)
            VALUES (?, 1, ?, CASE WHEN 1 >= ? THEN ?::timestamptz ELSE NULL END)
            ON CONFLICT (login_index) DO UPDATE SET
                failures = a.failures + 1,
                last_failure_at = EXCLUDED.last_failure_at,
                locked_until = CASE WHEN a.failures + 1 >= ?
                    THEN EXCLUDED.last_failure_at + LEAST(
                        ? * power(2, LEAST(GREATEST(a.failures + 1 - ?, 0), 30)), ?) * interval '1 millisecond'
                    ELSE NULL END
            WHERE a.locked_until IS NULL OR a.locked_until <= EXCLUDED.last_failure_at
            RETURNING failures
            """;

    private final JdbcTemplate jdbc;
    private final MatchmakingProperties.Auth settings;

    LoginAttempts(JdbcTemplate jdbc, MatchmakingProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.auth();
    }

    /**
     * Counts an attempt at the name before its password is checked. Empty when the name is locked: the attempt is
     * refused and not counted. Otherwise the attempts in a row, this one included.
     */
    java.util.OptionalInt admit(String loginIndex, Instant now) {
        int after = settings.lockoutAfter();
        List<Integer> attempts = jdbc.queryForList(ADMIT, Integer.class, loginIndex, Timestamp.from(now), after,
                Timestamp.from(now.plus(lockFor(1))), after, settings.lockoutDuration().toMillis(), after,
                settings.lockoutMaximum().toMillis());
        return attempts.isEmpty() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(attempts.get(0));
    }

    void clearFor(UUID accountId) {
        jdbc.update("DELETE FROM login_attempt WHERE login_index = (SELECT login_index FROM account WHERE account_id = ?)",
                accountId);
    }

    void succeeded(String loginIndex) {
        jdbc.update("DELETE FROM login_attempt WHERE login_index = ?", loginIndex);
    }

    /** The first lock lasts the configured duration; every further failure doubles it, up to the maximum. */
    Duration lockFor(int failures) {
        int doublings = Math.min(Math.max(failures - settings.lockoutAfter(), 0), 30);
        Duration lock = settings.lockoutDuration().multipliedBy(1L << doublings);
        return lock.compareTo(settings.lockoutMaximum()) > 0 ? settings.lockoutMaximum() : lock;
    }
}
