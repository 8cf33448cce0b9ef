package com.matchmaking.app.account;

import com.matchmaking.schema.account.Role;

import java.util.Set;
import java.util.UUID;

/** A login: whose it is, what kind, its password hash and roles. The login name itself is never stored. */
record Account(UUID accountId, AccountKind kind, String passwordHash, Set<Role> roles) {
}
