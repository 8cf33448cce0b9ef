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

    /** What a successful login returns. */
    public record Session(String token, Instant expiresAt, UUID accountId, AccountKind kind, Set<Role> roles) {
    }

    public Session login(String username, String password) {
        Instant now = clock.instant();
        if (username == null || username.isBlank() || password == null) {
            passwords.matches("", decoyHash);
            throw new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.LOGIN_INVALID);
        }
        String loginIndex = loginNames.indexOf(username);
        if (attempts.lockedUntil(loginIndex, now).isPresent()) {
            throw new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.TOO_MANY_FAILED_LOGINS);
        }
        Optional<Account> account = accounts.findByLoginIndex(loginIndex);
        // Compare against a decoy when the name is unknown, so timing does not tell names apart.
        boolean matches = passwords.matches(password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            int failures = attempts.failed(loginIndex, now);
            log.info("Failed login #{} in a row for account {}", failures,
                    account.map(a -> a.accountId().toString()).orElse("(unknown)"));
            account.ifPresent(a -> outcomes.publishEvent(new LoginOutcome.Failed(a.accountId(), a.kind(), failures, now)));
            throw new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.LOGIN_INVALID);
        }
        attempts.succeeded(loginIndex);
        Account a = account.get();
        if (a.suspended()) {
            throw RequestRejectedException.forbidden(MessageKey.ACCOUNT_SUSPENDED);
        }
        outcomes.publishEvent(new LoginOutcome.Succeeded(a.accountId(), a.kind(), now));
        Tokens.Issued issued = tokens.issue(a.accountId(), now);
        return new Session(issued.token(), issued.expiresAt(), a.accountId(), a.kind(), a.roles());
    }

    /** Forgets the failed logins in a row of an account (after compliance reinstated it following an alert). */
    public void clearFailures(UUID accountId) {
        attempts.clearFor(accountId);
    }

    /** Removes a login (on erasure). Returns whether there was one. */
    public boolean remove(UUID accountId) {
        return accounts.delete(accountId);
    }

    /** Who presents this bearer token: nobody if it is invalid or expired, or its account no longer exists. */
    public Optional<Actor> authenticate(String bearerToken) {
        return tokens.verify(bearerToken).flatMap(accounts::findById).map(this::actor);
    }

    /** The actor of an account as it stands now. */
    public Optional<Actor> actor(UUID accountId) {
        return accounts.findById(accountId).map(this::actor);
    }

    private Actor actor(Account a) {
        boolean allowed = a.kind() == AccountKind.MEMBER || (!a.suspended() && agreementAndTrainingCurrent(a));
        return new Actor(a.accountId(), a.kind(), a.roles(), a.suspended(), allowed);
    }

    private boolean agreementAndTrainingCurrent(Account a) {
        LocalDate today = LocalDate.now(clock);
        return a.agreementSignedOn() != null && !a.agreementSignedOn().isAfter(today)
                && a.trainingCompletedOn() != null
                && !a.trainingCompletedOn().plus(properties.staff().trainingValidFor()).isBefore(today);
    }
}
