package com.matchmaking.app.account;

import java.util.UUID;

/**
 * Whether a login name (a member's email, a staff username) is free, other than for the account itself. Members and
 * staff share one namespace of logins.
 */
@FunctionalInterface
public interface LoginAvailability {

    boolean isAvailable(String login, UUID accountId);
}
