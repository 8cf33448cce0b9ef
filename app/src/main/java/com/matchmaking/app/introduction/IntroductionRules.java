package com.matchmaking.app.introduction;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a proposal needs to know beyond the introduction itself: where each member stands in matching, whether the two
 * met through the agency before, and how many proposals each had lately. The implementation takes a lock per member
 * for the rest of the transaction, so two proposals for one member are checked one after the other.
 */
interface IntroductionRules {

    /** One member as a proposal sees them. */
    record Party(UUID memberId, boolean erased, boolean suspended, boolean paused, UUID matchmakerId, Set<UUID> blocked) {
    }

    /** The member, if registered. */
    Optional<Party> party(UUID memberId);

    /** Whether the two were ever introduced to each other (open, declined, confirmed or closed). */
    boolean introducedBefore(UUID memberA, UUID memberB);

    /** Locks the member for the proposal and counts their proposals from {@code since} on. */
    int lockAndCountProposalsSince(UUID memberId, Instant since);

    /** Proposals per member within seven days. */
    int weeklyCap();
}
