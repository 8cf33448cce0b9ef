package com.matchmaking.app.account;

import com.matchmaking.schema.account.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
class AccountRepository {

    private static final RowMapper<Account> ACCOUNT = (rs, i) -> new Account(
            rs.getObject("account_id", UUID.class),
            AccountKind.valueOf(rs.getString("kind")),
            rs.getString("login_index"),
            rs.getString("password_hash"),
            roles(rs.getArray("roles")),
            rs.getBoolean("suspended"),
            rs.getDate("agreement_signed_on") == null ? null : rs.getDate("agreement_signed_on").toLocalDate(),
            rs.getDate("training_completed_on") == null ? null : rs.getDate("training_completed_on").toLocalDate(),
            rs.getLong("token_version"),
            rs.getBoolean("must_change_password"));

    private final JdbcTemplate jdbc;

    AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByLoginIndex(String loginIndex) {
        return jdbc.query("SELECT * FROM account WHERE login_index = ?", ACCOUNT, loginIndex).stream().findFirst();
    }

    Optional<Account> findById(UUID accountId) {
        return jdbc.query("SELECT * FROM account WHERE account_id = ?", ACCOUNT, accountId).stream().findFirst();
    }

    boolean loginTakenByOther(String loginIndex, UUID accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account WHERE login_index = ? AND account_id <> ?)",
                Boolean.class, loginIndex, accountId));
    }

    void insert(UUID accountId, AccountKind kind, String loginIndex, String passwordHash, Set<Role> roles, Instant createdAt) {
        insert(accountId, kind, loginIndex, passwordHash, roles, createdAt, null);
    }

    /** A new account; a member's with the policy version accepted at registration, in the same statement. */
    void insert(UUID accountId, AccountKind kind, String loginIndex, String passwordHash, Set<Role> roles,
                Instant createdAt, String acceptedPolicyVersion) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO account (account_id, kind, login_index, password_hash, roles, created_at,
                                         accepted_policy_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """);
            statement.setObject(1, accountId);
            statement.setString(2, kind.name());
            statement.setString(3, loginIndex);
            statement.setString(4, passwordHash);
            statement.setArray(5, connection.createArrayOf("text", roles.stream().map(Enum::name).toArray()));
            statement.setTimestamp(6, Timestamp.from(createdAt));
            statement.setString(7, acceptedPolicyVersion);
            return statement;
        });
    }

    void changeRoles(UUID accountId, Set<Role> roles) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("UPDATE account SET roles = ? WHERE account_id = ?");
            statement.setArray(1, connection.createArrayOf("text", roles.stream().map(Enum::name).toArray()));
            statement.setObject(2, accountId);
            return statement;
        });
    }

    void suspend(UUID accountId, boolean suspended) {
        jdbc.update("UPDATE account SET suspended = ? WHERE account_id = ?", suspended, accountId);
    }

    void recordAgreement(UUID accountId, String version, LocalDate signedOn) {
        jdbc.update("UPDATE account SET agreement_version = ?, agreement_signed_on = ? WHERE account_id = ?",
                version, Date.valueOf(signedOn), accountId);
    }

    void recordTraining(UUID accountId, LocalDate completedOn) {
        jdbc.update("UPDATE account SET training_completed_on = ? WHERE account_id = ?", Date.valueOf(completedOn), accountId);
    }

    void acceptPolicy(UUID accountId, String version) {
        jdbc.update("UPDATE account SET accepted_policy_version = ? WHERE account_id = ?", version, accountId);
    }

    void changeLoginIndex(UUID accountId, String loginIndex) {
        jdbc.update("UPDATE account SET login_index = ? WHERE account_id = ?", loginIndex, accountId);
    }

    /** Tokens issued before this die: logout, a new password, a suspension, a role change. */
    void revokeTokens(UUID accountId) {
        jdbc.update("UPDATE account SET token_version = token_version + 1 WHERE account_id = ?", accountId);
    }

    /** A new password: every token issued before dies, and a required change is done. */
    void changePassword(UUID accountId, String passwordHash) {
        jdbc.update("""
                UPDATE account SET password_hash = ?, must_change_password = false, token_version = token_version + 1
                WHERE account_id = ?
                """, passwordHash, accountId);
    }

    void requirePasswordChange(UUID accountId) {
        jdbc.update("UPDATE account SET must_change_password = true WHERE account_id = ?", accountId);
    }

    /** Removes the login with what points at its name: live reset codes and the run of failed attempts. */
    boolean delete(UUID accountId) {
        jdbc.update("DELETE FROM one_time_code WHERE subject_id = ?", accountId);
        jdbc.update("DELETE FROM login_attempt WHERE login_index = (SELECT login_index FROM account WHERE account_id = ?)",
                accountId);
        return jdbc.update("DELETE FROM account WHERE account_id = ?", accountId) > 0;
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
