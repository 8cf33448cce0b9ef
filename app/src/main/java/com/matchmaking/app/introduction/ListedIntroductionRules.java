package com.matchmaking.app.introduction;

import com.matchmaking.app.member.MemberHistory;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.introduction.Introductions;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules' facts from where they are current: each member's standing from their own log (never a lagging read
 * model), earlier introductions and the weekly count from the listing, which is written in the same transactions.
 */
@Component
class ListedIntroductionRules implements IntroductionRules {

    private final MemberHistory history;
    private final Introductions introductions;
    private final IntroductionProperties properties;

    ListedIntroductionRules(MemberHistory history, Introductions introductions, IntroductionProperties properties) {
        this.history = history;
        this.introductions = introductions;
        this.properties = properties;
    }

    @Override
    public Optional<Party> party(UUID memberId) {
        MemberHistory.MemberRecord record;
        try {
            record = history.load(memberId);
        } catch (RequestRejectedException e) {
            if (e.classification() == Classification.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new Party(memberId, record.erased(), record.matching().suspended(), record.matching().paused(),
                record.matchmakerId(), Set.copyOf(record.matching().blocked())));
    }

    @Override
    public boolean introducedBefore(UUID memberA, UUID memberB) {
        return introductions.introducedBefore(memberA, memberB);
    }

    @Override
    public int lockAndCountProposalsSince(UUID memberId, Instant since) {
        return introductions.lockAndCountProposalsSince(memberId, since);
    }

    @Override
    public int weeklyCap() {
        return properties.weeklyCap();
    }
}
