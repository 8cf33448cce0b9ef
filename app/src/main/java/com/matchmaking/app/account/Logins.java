package com.matchmaking.app.account;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Logging in, and who a token belongs to. A failed login says nothing about which part was wrong and takes as long
 * whether or not the name exists; repeated failures lock the name with a growing back-off.
 */
@Service
public class Logins {

    private static final Logger log = LoggerFactory.getLogger(Logins.class);
    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final LoginNames loginNames;
    private final PasswordEncoder passwords;
    private final Tokens tokens;
    private final MatchmakingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher outcomes;
    private final String decoyHash;

    Logins(AccountRepository accounts, LoginAttempts attempts, LoginNames loginNames, PasswordEncoder passwords,
           Tokens tokens, MatchmakingProperties properties, Clock clock, ApplicationEventPublisher outcomes) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.loginNames = loginNames;
        this.passwords = passwords;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.outcomes = outcomes;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** What a successful login returns; {@code mustChangePassword}: only {@code changePassword} is open meanwhile. */
    public record Session(String token, Instant expiresAt, UUID accountId, AccountKind kind, Set<Role> roles,
                          boolean mustChangePassword) {
    }

    public Session login(String username, String password) {
        Instant now = clock.instant();
        if (username == null || username.isBlank() || password == null) {
            passwords.matches("", decoyHash);
            throw new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.LOGIN_INVALID);
        }
        String loginIndex = loginNames.indexOf(username);
        int attempt = admit(loginIndex, now);
        Optional<Account> account = accounts.findByLoginIndex(loginIndex);
        // Compare against a decoy when the name is unknown, so timing does not tell names apart.
        boolean matches = checkPassword(password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throw failed(account, attempt, now);
        }
        attempts.succeeded(loginIndex);
        Account a = account.get();
        if (a.suspended()) {
            throw RequestRejectedException.forbidden(MessageKey.ACCOUNT_SUSPENDED);
        }
        outcomes.publishEvent(new LoginOutcome.Succeeded(a.accountId(), a.kind(), now));
        return session(a, now);
    }

    /**
     * Counts the attempt before any password is checked (see {@link LoginAttempts}): a locked name is refused with
     * nothing compared, and parallel guesses cannot get past the limit.
     */
    private int admit(String loginIndex, Instant now) {
        return attempts.admit(loginIndex, now).orElseThrow(() -> {
            passwords.matches("", decoyHash);
            return new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.TOO_MANY_FAILED_LOGINS);
        });
    }

    private RuntimeException failed(Optional<Account> account, int attempt, Instant now) {
        log.info("Failed login #{} in a row for account {}", attempt,
                account.map(a -> a.accountId().toString()).orElse("(unknown)"));
        account.ifPresent(a -> outcomes.publishEvent(new LoginOutcome.Failed(a.accountId(), a.kind(), attempt, now)));
        return new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.LOGIN_INVALID);
    }

    /** bcrypt refuses more than 72 bytes with an exception; such a password matches nothing, like a wrong one. */
    private boolean checkPassword(String password, String hash) {
        if (!PasswordRules.fitsBcrypt(password)) {
            passwords.matches("", decoyHash);
            return false;
        }
        return passwords.matches(password, hash);
    }

    /** A fresh token for the account as it stands (after confirming an address, changing or resetting a password). */
    public Session sessionFor(UUID accountId) {
        Account a = accounts.findById(accountId)
                .orElseThrow(() -> new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.LOGIN_INVALID));
        return session(a, clock.instant());
    }

    private Session session(Account a, Instant now) {
        Tokens.Issued issued = tokens.issue(a.accountId(), a.tokenVersion(), now);
        return new Session(issued.token(), issued.expiresAt(), a.accountId(), a.kind(), a.roles(), a.mustChangePassword());
    }

    /**
     * Changes the caller's password: the current one is required, and wrong guesses at it count against the login name
     * like failed logins. Every token issued before dies; the answer carries a new one.
     */
    public Session changePassword(UUID accountId, String currentPassword, String newPassword) {
        PasswordRules.require("newPassword", newPassword, minimumFor(accountId));
        Instant now = clock.instant();
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> RequestRejectedException.unauthorized(MessageKey.LOGIN_REQUIRED));
        int attempt = admit(account.loginIndex(), now);
        if (currentPassword == null || !checkPassword(currentPassword, account.passwordHash())) {
            throw failed(Optional.of(account), attempt, now);
        }
        attempts.succeeded(account.loginIndex());
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw RequestRejectedException.badRequest(MessageKey.PASSWORD_MUST_DIFFER, "newPassword");
        }
        accounts.changePassword(accountId, passwords.encode(newPassword));
        log.info("Password changed for account {}", accountId);
        return sessionFor(accountId);
    }

    /** Sets a new password after a reset code was redeemed; every token issued before dies, a lock is lifted. */
    public Session resetPassword(UUID accountId, String newPassword) {
        accounts.changePassword(accountId, passwords.encode(newPassword));
        attempts.clearFor(accountId);
        log.info("Password reset for account {}", accountId);
        return sessionFor(accountId);
    }

    /** Ends every session of the account: each token issued so far dies. */
    public void logout(UUID accountId) {
        accounts.revokeTokens(accountId);
    }

    /** The member account an email belongs to, if any (staff log in with usernames, which receive no mail). */
    Optional<UUID> memberAccountOf(String loginIndex) {
        return accounts.findByLoginIndex(loginIndex).filter(a -> a.kind() == AccountKind.MEMBER).map(Account::accountId);
    }

    /** Hashes a password for a new account or a pending registration; refuses one bcrypt cannot take. */
    public String hash(String password) {
        if (!PasswordRules.fitsBcrypt(password)) {
            throw RequestRejectedException.badRequest(MessageKey.PASSWORD_TOO_LONG, "password", PasswordRules.MAX_BYTES);
        }
        return passwords.encode(password);
    }

    private int minimumFor(UUID accountId) {
        return accounts.findById(accountId).map(a -> a.kind() == AccountKind.STAFF).orElse(false)
                ? PasswordRules.STAFF_MIN_CHARACTERS : PasswordRules.MIN_CHARACTERS;
    }

    /** Forgets the failed logins in a row of an account (after compliance reinstated it following an alert). */
    public void clearFailures(UUID accountId) {
        attempts.clearFor(accountId);
    }

    /** Removes a login (on erasure). Returns whether there was one. */
    public boolean remove(UUID accountId) {
        return accounts.delete(accountId);
    }

    /**
     * Who presents this bearer token: nobody if it is invalid or expired, its account no longer exists, or it was
     * revoked (its version is not the account's any more).
     */
    public Optional<Actor> authenticate(String bearerToken) {
        return tokens.verify(bearerToken).flatMap(verified -> accounts.findById(verified.accountId())
                .filter(a -> a.tokenVersion() == verified.version())).map(this::actor);
    }

    /** The actor of an account as it stands now. */
    public Optional<Actor> actor(UUID accountId) {
        return accounts.findById(accountId).map(this::actor);
    }

    private Actor actor(Account a) {
        boolean allowed = a.kind() == AccountKind.MEMBER || (!a.suspended() && agreementAndTrainingCurrent(a));
        return new Actor(a.accountId(), a.kind(), a.roles(), a.suspended(), allowed, a.mustChangePassword());
    }

    private boolean agreementAndTrainingCurrent(Account a) {
        LocalDate today = LocalDate.now(clock);
        return a.agreementSignedOn() != null && !a.agreementSignedOn().isAfter(today)
                && a.trainingCompletedOn() != null
                && !a.trainingCompletedOn().plus(properties.staff().trainingValidFor()).isBefore(today);
    }
}
