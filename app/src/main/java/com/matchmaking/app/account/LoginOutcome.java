package com.matchmaking.app.account;

import java.time.Instant;
import java.util.UUID;

/**
 * What a login attempt on an existing account came to, announced in-process (Spring application events) for the
 * rules that care: a member's login is activity (retention), failed logins in a row on a staff account are a risk.
 * Ids, counts and times only. Attempts on names that do not exist are not announced: there is no account to blame.
 */
public sealed interface LoginOutcome {

    UUID accountId();

    AccountKind kind();

    Instant at();

    /** A successful login of an account that may use the service (not suspended). */
    record Succeeded(UUID accountId, AccountKind kind, Instant at) implements LoginOutcome {
    }

    /** A failed login; {@code failuresInARow} counts this one. */
    record Failed(UUID accountId, AccountKind kind, int failuresInARow, Instant at) implements LoginOutcome {
    }
}
