package com.matchmaking.app.introduction;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.introduction.IntroductionRules.Party;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import com.matchmaking.schema.member.MatchmakerAssigned;
import com.matchmaking.schema.member.MemberRegistered;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A member as an introduction sees them, from their own log: erased or not, suspended, paused, their matchmaker and
 * whom they blocked. What the rules of proposing check, and what an introduction's contact and listing stand on.
 */
final class PartyView {

    private PartyView() {
    }

    static final HistoryView<Party> VIEW = HistoryView
            .startingWith(() -> (Party) null)
            .identifiedBy(MemberRegistered.class)
            .on(MemberRegistered.class, (p, e) -> new Party(e.memberId(), false, false, false, null, Set.of()))
            .on(MemberErased.class, (p, e) -> new Party(p.memberId(), true, p.suspended(), p.paused(), p.matchmakerId(),
                    p.blocked()))
            .on(MemberSuspended.class, (p, e) -> new Party(p.memberId(), p.erased(), true, p.paused(), p.matchmakerId(),
                    p.blocked()))
            .on(MemberReinstated.class, (p, e) -> new Party(p.memberId(), p.erased(), false, p.paused(),
                    p.matchmakerId(), p.blocked()))
            .on(MatchingPaused.class, (p, e) -> new Party(p.memberId(), p.erased(), p.suspended(), true,
                    p.matchmakerId(), p.blocked()))
            .on(MatchingResumed.class, (p, e) -> new Party(p.memberId(), p.erased(), p.suspended(), false,
                    p.matchmakerId(), p.blocked()))
            .on(MatchmakerAssigned.class, (p, e) -> new Party(p.memberId(), p.erased(), p.suspended(), p.paused(),
                    e.matchmakerId(), p.blocked()))
            .on(MemberBlocked.class, (p, e) -> new Party(p.memberId(), p.erased(), p.suspended(), p.paused(),
                    p.matchmakerId(), plus(p.blocked(), e.blockedMemberId())))
            .build(p -> p);

    private static Set<UUID> plus(Set<UUID> blocked, UUID member) {
        Set<UUID> more = new HashSet<>(blocked);
        more.add(member);
        return Set.copyOf(more);
    }
}
