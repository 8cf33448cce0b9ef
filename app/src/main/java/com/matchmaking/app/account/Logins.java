package com.matchmaking.app.account;

import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Logging in and out of existence: checks a login name and password, issues a token, and removes a login on
 * erasure. A failed login says nothing about which part was wrong, and takes as long whether or not the name exists.
 */
@Service
public class Logins {

    private static final Logger log = LoggerFactory.getLogger(Logins.class);

    private final AccountRepository accounts;
    private final LoginNames loginNames;
    private final PasswordEncoder passwords;
    private final Tokens tokens;
    private final Clock clock;
    private final String decoyHash;

    Logins(AccountRepository accounts, LoginNames loginNames, PasswordEncoder passwords, Tokens tokens, Clock clock) {
        this.accounts = accounts;
        this.loginNames = loginNames;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** What a successful login returns. */
    public record Session(String token, Instant expiresAt, UUID accountId, AccountKind kind, Set<Role> roles) {
    }

    public Session login(String username, String password) {
        Optional<Account> account = username == null || username.isBlank()
                ? Optional.empty() : accounts.findByLoginIndex(loginNames.indexOf(username));
        // Compare against a decoy when the name is unknown, so timing does not tell names apart.
        String hash = account.map(Account::passwordHash).orElse(decoyHash);
        boolean matches = password != null && passwords.matches(password, hash);
        if (account.isEmpty() || !matches) {
            log.info("Failed login for account {}", account.map(a -> a.accountId().toString()).orElse("(unknown)"));
            throw new RequestRejectedException(Classification.UNAUTHORIZED, "Invalid username or password");
        }
        Account a = account.get();
        Tokens.Issued issued = tokens.issue(a.accountId(), clock.instant());
        return new Session(issued.token(), issued.expiresAt(), a.accountId(), a.kind(), a.roles());
    }

    /** Removes a member's login (on erasure). Returns whether there was one. */
    public boolean remove(UUID accountId) {
        return accounts.delete(accountId);
    }

    /** Who presents this bearer token: nobody if it is invalid or expired, or its account no longer exists. */
    public Optional<Actor> authenticate(String bearerToken) {
        return tokens.verify(bearerToken)
                .flatMap(accounts::findById)
                .map(a -> new Actor(a.accountId(), a.kind(), a.roles()));
    }
}
