package com.matchmaking.app.retention;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.membership.Member;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.retention.EraseInactiveMember;
import com.matchmaking.schema.retention.IssueRetentionNotice;
import com.matchmaking.schema.retention.LegalHoldPlaced;
import com.matchmaking.schema.retention.LegalHoldReleased;
import com.matchmaking.schema.retention.PlaceLegalHold;
import com.matchmaking.schema.retention.ReleaseLegalHold;
import com.matchmaking.schema.retention.RetentionNoticeIssued;
import com.matchmaking.schema.retention.RetentionNoticeWithdrawn;
import com.matchmaking.schema.retention.WithdrawRetentionNotice;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Retention notices and legal holds, on the member's stream: given earlier events, when a command, then events or a
 * rejection.
 */
class MemberRetentionTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000005");
    private static final UUID COMPLIANCE = UUID.fromString("00000000-0000-4000-8000-0000000000c2");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Profile PROFILE = new Profile("Li Na", "li.na@example.com", "+8613812341234", null,
            Gender.FEMALE, LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    private static final MemberRegistered REGISTERED = new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64));
    private static final LegalHoldPlaced HOLD = new LegalHoldPlaced(ID, "Court order 42", COMPLIANCE, T0);
    private static final RetentionNoticeIssued NOTICE = new RetentionNoticeIssued(ID, T0, T1, T2);

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> true);
    }

    @Test
    void aLegalHoldIsPlaced() {
        fixture.given(REGISTERED).when(new PlaceLegalHold(ID, "Court order 42", COMPLIANCE, T0)).expectEvents(HOLD);
    }

    @Test
    void aSecondLegalHoldIsAConflict() {
        fixture.given(REGISTERED, HOLD).when(new PlaceLegalHold(ID, "Again", COMPLIANCE, T1))
                .expectNoEvents().expectExceptionMessage("A legal hold is already in place");
    }

    @Test
    void onlyALegalHoldInPlaceIsReleased() {
        fixture.given(REGISTERED).when(new ReleaseLegalHold(ID, COMPLIANCE, T1))
                .expectNoEvents().expectExceptionMessage("No legal hold is in place");
        fixture.given(REGISTERED, HOLD).when(new ReleaseLegalHold(ID, COMPLIANCE, T1))
                .expectEvents(new LegalHoldReleased(ID, COMPLIANCE, T1));
    }

    @Test
    void aLegalHoldBlocksARequestedErasure() {
        fixture.given(REGISTERED, HOLD, new ErasureRequested(ID, T0, T0))
                .when(new EraseMember(ID, T1))
                .expectNoEvents().expectExceptionMessage("A legal hold blocks the erasure until it is lifted");
    }

    @Test
    void aRequestedErasureGoesAheadOnceTheHoldIsLifted() {
        fixture.given(REGISTERED, HOLD, new ErasureRequested(ID, T0, T0), new LegalHoldReleased(ID, COMPLIANCE, T1))
                .when(new EraseMember(ID, T2))
                .expectEvents(new MemberErased(ID, T0, T2, ErasureCause.MEMBER_REQUEST));
    }

    @Test
    void aRetentionNoticeIsIssued() {
        fixture.given(REGISTERED).when(new IssueRetentionNotice(ID, T0, T1, T2)).expectEvents(NOTICE);
    }

    @Test
    void aSecondRetentionNoticeIsAConflict() {
        fixture.given(REGISTERED, NOTICE).when(new IssueRetentionNotice(ID, T0, T1, T2))
                .expectNoEvents().expectExceptionMessage("A retention notice is already pending");
    }

    @Test
    void aRetentionNoticeIsDueAfterItIsIssued() {
        fixture.given(REGISTERED).when(new IssueRetentionNotice(ID, T0, T2, T1))
                .expectNoEvents().expectException(RequestRejectedException.class);
    }

    @Test
    void anInactiveMemberWithoutANoticeIsNotErased() {
        fixture.given(REGISTERED).when(new EraseInactiveMember(ID, T2))
                .expectNoEvents().expectExceptionMessage("No retention notice is pending");
    }

    @Test
    void anInactiveMemberIsNotErasedBeforeTheNoticeRunsOut() {
        fixture.given(REGISTERED, NOTICE).when(new EraseInactiveMember(ID, T1))
                .expectNoEvents().expectExceptionMessage("The retention notice has not run out yet");
    }

    @Test
    void anInactiveMemberIsErasedOnceTheNoticeRunsOut() {
        fixture.given(REGISTERED, NOTICE).when(new EraseInactiveMember(ID, T2))
                .expectEvents(new MemberErased(ID, T1, T2, ErasureCause.RETENTION));
    }

    @Test
    void aMemberWhoComesBackHasTheirNoticeWithdrawn() {
        fixture.given(REGISTERED, NOTICE).when(new WithdrawRetentionNotice(ID, T1))
                .expectEvents(new RetentionNoticeWithdrawn(ID, T1));
        fixture.given(REGISTERED).when(new WithdrawRetentionNotice(ID, T1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aWithdrawnNoticeErasesNobody() {
        fixture.given(REGISTERED, NOTICE, new RetentionNoticeWithdrawn(ID, T1)).when(new EraseInactiveMember(ID, T2))
                .expectNoEvents().expectExceptionMessage("No retention notice is pending");
    }

    @Test
    void aLegalHoldStopsTheRetentionClock() {
        fixture.given(REGISTERED, NOTICE).when(new PlaceLegalHold(ID, "Pending claim", COMPLIANCE, T1))
                .expectEvents(new LegalHoldPlaced(ID, "Pending claim", COMPLIANCE, T1), new RetentionNoticeWithdrawn(ID, T1));
    }

    @Test
    void noRetentionNoticeIsIssuedUnderALegalHold() {
        fixture.given(REGISTERED, new LegalHoldPlaced(ID, "Pending claim", COMPLIANCE, T0))
                .when(new IssueRetentionNotice(ID, T0, T1, T2))
                .expectNoEvents().expectExceptionMessage("A legal hold blocks the erasure until it is lifted");
    }

    @Test
    void noRetentionNoticeIsIssuedWhileTheMembersOwnErasureIsPending() {
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T2)).when(new IssueRetentionNotice(ID, T0, T1, T2))
                .expectNoEvents().expectExceptionMessage("The member's own erasure request is pending");
    }

    @Test
    void aRetentionNoticeIsIssuedOnceTheMemberCancelledTheirErasure() {
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T2), new ErasureCancelled(ID, T1))
                .when(new IssueRetentionNotice(ID, T0, T1, T2))
                .expectEvents(NOTICE);
    }
}
