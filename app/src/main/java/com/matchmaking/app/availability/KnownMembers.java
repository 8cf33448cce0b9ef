package com.matchmaking.app.availability;

import java.util.UUID;

/** Whether an id names a registered member who has not been erased: what another member's command may refer to. */
@FunctionalInterface
public interface KnownMembers {

    boolean isMember(UUID memberId);
}
