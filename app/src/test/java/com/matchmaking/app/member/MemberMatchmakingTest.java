package com.matchmaking.app.member;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.availability.KnownMembers;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.matchmaking.AddConsultationNote;
import com.matchmaking.schema.matchmaking.BlockMember;
import com.matchmaking.schema.matchmaking.ConsultationNoteAdded;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberContactViewed;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import com.matchmaking.schema.matchmaking.PauseMatching;
import com.matchmaking.schema.matchmaking.RecordConsultationNotesView;
import com.matchmaking.schema.matchmaking.RecordContactView;
import com.matchmaking.schema.matchmaking.RecordIntroductionRecordsView;
import com.matchmaking.schema.matchmaking.ReinstateMember;
import com.matchmaking.schema.matchmaking.ResumeMatching;
import com.matchmaking.schema.matchmaking.SuspendMember;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The member's side of matchmaking: blocks, pauses, suspensions, consultation notes and the looks at their contact. */
class MemberMatchmakingTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID STAFF = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    private static final UUID NOTE = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final UUID INTRODUCTION = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Profile PROFILE = new Profile("Li Na", "li.na@example.com", "+8613812341234", "lina_88",
            Gender.FEMALE, LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, Education.MASTER,
            "Architect", 165, null, "Likes hiking");
    private static final MemberRegistered REGISTERED = new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64));
    private static final Object[] ERASED = {REGISTERED, new ErasureRequested(ID, T0, T0), new MemberErased(ID, T0, T0)};

    private final Set<UUID> members = new HashSet<>(Set.of(ID, OTHER));
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> true);
        fixture.registerInjectableResource((KnownMembers) members::contains);
    }

    @Test
    void aConsultationNoteNeedsTextWithinTheCap() {
        fixture.given(REGISTERED).when(new AddConsultationNote(ID, NOTE, STAFF, "Wants to meet in spring", T1))
                .expectEvents(new ConsultationNoteAdded(ID, NOTE, STAFF, "Wants to meet in spring", T1));
        fixture.given(REGISTERED).when(new AddConsultationNote(ID, NOTE, STAFF, "", T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(REGISTERED).when(new AddConsultationNote(ID, NOTE, STAFF, "x".repeat(Member.MAX_NOTE_LENGTH + 1), T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void readingNotesAndSeeingContactAreRecorded() {
        fixture.given(REGISTERED).when(new RecordConsultationNotesView(ID, STAFF, "CUSTOMER_SERVICE", T1))
                .expectEvents(new ConsultationNotesViewed(ID, STAFF, "CUSTOMER_SERVICE", T1));
        fixture.given(REGISTERED).when(new RecordContactView(ID, OTHER, INTRODUCTION, T1))
                .expectEvents(new MemberContactViewed(ID, OTHER, INTRODUCTION, T1));
        fixture.given(REGISTERED).when(new RecordIntroductionRecordsView(ID, INTRODUCTION, STAFF, "MATCHMAKER", T1))
                .expectEvents(new IntroductionRecordsViewed(ID, INTRODUCTION, STAFF, "MATCHMAKER", T1));
    }

    @Test
    void everyMatchmakingCommandIsRefusedForAnErasedMember() {
        for (Object command : new Object[] {new BlockMember(ID, OTHER, T1), new PauseMatching(ID, T1),
                new ResumeMatching(ID, T1), new SuspendMember(ID, STAFF, "Complaint", T1), new ReinstateMember(ID, STAFF, T1),
                new AddConsultationNote(ID, NOTE, STAFF, "Note", T1),
                new RecordConsultationNotesView(ID, STAFF, "CUSTOMER_SERVICE", T1),
                new RecordContactView(ID, OTHER, INTRODUCTION, T1),
                new RecordIntroductionRecordsView(ID, INTRODUCTION, STAFF, "MATCHMAKER", T1)}) {
            fixture.given(ERASED).when(command).expectException(RequestRejectedException.class)
                    .expectExceptionMessage("No such member").expectNoEvents();
        }
    }
}
