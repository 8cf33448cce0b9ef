package com.matchmaking.app.member;

import java.util.UUID;

/** Whether an email address is free to become a member's login, other than for that member themself. */
@FunctionalInterface
public interface LoginAvailability {

    boolean isAvailable(String normalisedEmail, UUID memberId);
}
