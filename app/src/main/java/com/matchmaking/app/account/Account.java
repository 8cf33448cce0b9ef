package com.matchmaking.app.account;

import com.matchmaking.schema.account.Role;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A login: whose it is, what kind, its password hash and roles, and for staff what gates their access to personal
 * data. The login name itself is never stored.
 */
record Account(UUID accountId, AccountKind kind, String loginIndex, String passwordHash, Set<Role> roles,
               boolean suspended, LocalDate agreementSignedOn, LocalDate trainingCompletedOn, long tokenVersion,
               boolean mustChangePassword) {
}
