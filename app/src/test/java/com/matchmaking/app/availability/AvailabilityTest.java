package com.matchmaking.app.availability;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.membership.Member;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.matchmaking.BlockMember;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import com.matchmaking.schema.matchmaking.PauseMatching;
import com.matchmaking.schema.matchmaking.ReinstateMember;
import com.matchmaking.schema.matchmaking.ResumeMatching;
import com.matchmaking.schema.matchmaking.SuspendMember;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.text.FreeText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Blocks, pauses and suspensions, on the member's stream: given earlier events, when a command, then events or a rejection. */
class AvailabilityTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID STAFF = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Profile PROFILE = new Profile("Li Na", "li.na@example.com", "+8613812341234", null,
            Gender.FEMALE, LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    private static final MemberRegistered REGISTERED = new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64));

    private final Set<UUID> members = new HashSet<>(Set.of(ID, OTHER));
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> true);
        fixture.registerInjectableResource((KnownMembers) members::contains);
    }

    @Test
    void aMemberBlocksAnother() {
        fixture.given(REGISTERED).when(new BlockMember(ID, OTHER, T1)).expectEvents(new MemberBlocked(ID, OTHER, T1));
    }

    @Test
    void aMemberBlockedAlreadyIsNotBlockedAgain() {
        fixture.given(REGISTERED, new MemberBlocked(ID, OTHER, T0)).when(new BlockMember(ID, OTHER, T1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aMemberCannotBlockThemselves() {
        fixture.given(REGISTERED).when(new BlockMember(ID, ID, T1))
                .expectNoEvents()
                .expectException(RequestRejectedException.class).expectExceptionMessage("A member cannot block themselves");
    }

    @Test
    void onlyAnExistingMemberCanBeBlocked() {
        fixture.given(REGISTERED).when(new BlockMember(ID, UUID.fromString("00000000-0000-4000-8000-000000000099"), T1))
                .expectNoEvents()
                .expectException(RequestRejectedException.class).expectExceptionMessage("No such member");
    }

    @Test
    void matchingIsPausedOnce() {
        fixture.given(REGISTERED).when(new PauseMatching(ID, T1)).expectEvents(new MatchingPaused(ID, T1));
        fixture.given(REGISTERED, new MatchingPaused(ID, T0)).when(new PauseMatching(ID, T1)).expectNoEvents();
    }

    @Test
    void onlyPausedMatchingIsResumed() {
        fixture.given(REGISTERED, new MatchingPaused(ID, T0)).when(new ResumeMatching(ID, T1))
                .expectEvents(new MatchingResumed(ID, T1));
        fixture.given(REGISTERED).when(new ResumeMatching(ID, T1)).expectNoEvents();
        fixture.given(REGISTERED, new MatchingPaused(ID, T0), new MatchingResumed(ID, T0)).when(new ResumeMatching(ID, T1))
                .expectNoEvents();
    }

    @Test
    void aSuspensionRecordsItsReason() {
        fixture.given(REGISTERED).when(new SuspendMember(ID, STAFF, "Complaint under review", T1))
                .expectEvents(new MemberSuspended(ID, STAFF, "Complaint under review", T1));
    }

    @Test
    void aSuspensionNeedsAReasonWithinTheCap() {
        fixture.given(REGISTERED).when(new SuspendMember(ID, STAFF, "  ", T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(REGISTERED).when(new SuspendMember(ID, STAFF, "x".repeat(FreeText.Kind.CARE_TEXT.max() + 1), T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void aSuspendedMemberIsNotSuspendedAgain() {
        fixture.given(REGISTERED, new MemberSuspended(ID, STAFF, "Complaint", T0))
                .when(new SuspendMember(ID, STAFF, "Again", T1))
                .expectNoEvents().expectException(RequestRejectedException.class);
    }

    @Test
    void onlyASuspendedMemberIsReinstated() {
        fixture.given(REGISTERED).when(new ReinstateMember(ID, STAFF, T1))
                .expectNoEvents()
                .expectException(RequestRejectedException.class).expectExceptionMessage("The member is not suspended");
        fixture.given(REGISTERED, new MemberSuspended(ID, STAFF, "Complaint", T0)).when(new ReinstateMember(ID, STAFF, T1))
                .expectEvents(new MemberReinstated(ID, STAFF, T1));
    }
}
