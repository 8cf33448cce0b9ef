package com.matchmaking.app.introduction;

import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.readmodels.introduction.Introductions;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules' facts from where they are current: each member's standing from their own log (never a lagging read
 * model), earlier introductions and the weekly count from the listing, which is written in the same transactions.
 */
@Component
class ListedIntroductionRules implements IntroductionRules {

    private final SubjectHistory history;
    private final Introductions introductions;
    private final IntroductionProperties properties;

    ListedIntroductionRules(SubjectHistory history, Introductions introductions, IntroductionProperties properties) {
        this.history = history;
        this.introductions = introductions;
        this.properties = properties;
    }

    @Override
    public Optional<Party> party(UUID memberId) {
        return history.read(memberId, PartyView.VIEW);
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
