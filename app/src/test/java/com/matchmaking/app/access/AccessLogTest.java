package com.matchmaking.app.access;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.membership.Member;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberField;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.access.RecordAuditTrailView;
import com.matchmaking.schema.access.RecordDataExport;
import com.matchmaking.schema.access.RecordProfileView;
import com.matchmaking.schema.access.RevealMemberField;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.matchmaking.MemberContactViewed;
import com.matchmaking.schema.matchmaking.RecordConsultationNotesView;
import com.matchmaking.schema.matchmaking.RecordContactView;
import com.matchmaking.schema.matchmaking.RecordIntroductionRecordsView;
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
import java.util.Set;
import java.util.UUID;

/** Every look at a member's data is recorded on their stream: given a member, when a look, then its access event. */
class AccessLogTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID STAFF = UUID.fromString("00000000-0000-4000-8000-0000000000cc");
    private static final UUID INTRODUCTION = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Profile PROFILE = new Profile("Li Na", "li.na@example.com", "+8613812341234", null,
            Gender.FEMALE, LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    private static final MemberRegistered REGISTERED = new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64));

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> true);
    }

    @Test
    void aRevealIsRecordedWithItsFieldAndReason() {
        fixture.given(REGISTERED).when(new RevealMemberField(ID, STAFF, "CUSTOMER_SERVICE", MemberField.PHONE, "Call back", T1))
                .expectEvents(new MemberFieldRevealed(ID, STAFF, "CUSTOMER_SERVICE", MemberField.PHONE, "Call back", T1));
    }

    @Test
    void aProfileViewIsRecorded() {
        fixture.given(REGISTERED).when(new RecordProfileView(ID, STAFF, "MATCHMAKER", T1))
                .expectEvents(new MemberProfileViewed(ID, STAFF, "MATCHMAKER", T1));
    }

    @Test
    void anExportIsRecorded() {
        fixture.given(REGISTERED).when(new RecordDataExport(ID, T1)).expectEvents(new MemberDataExported(ID, T1));
    }

    @Test
    void aComplianceLookAtTheAuditTrailIsRecorded() {
        fixture.given(REGISTERED).when(new RecordAuditTrailView(ID, STAFF, "COMPLIANCE", T0, null, T1))
                .expectEvents(new MemberAuditTrailViewed(ID, STAFF, "COMPLIANCE", T0, null, T1));
    }

    @Test
    void readingTheConsultationNotesIsRecorded() {
        fixture.given(REGISTERED).when(new RecordConsultationNotesView(ID, STAFF, "CUSTOMER_SERVICE", T1))
                .expectEvents(new ConsultationNotesViewed(ID, STAFF, "CUSTOMER_SERVICE", T1));
    }

    @Test
    void seeingTheContactOfAnIntroducedMemberIsRecorded() {
        fixture.given(REGISTERED).when(new RecordContactView(ID, OTHER, INTRODUCTION, T1))
                .expectEvents(new MemberContactViewed(ID, OTHER, INTRODUCTION, T1));
    }

    @Test
    void readingTheIntroductionRecordsIsRecorded() {
        fixture.given(REGISTERED).when(new RecordIntroductionRecordsView(ID, INTRODUCTION, STAFF, "MATCHMAKER", T1))
                .expectEvents(new IntroductionRecordsViewed(ID, INTRODUCTION, STAFF, "MATCHMAKER", T1));
    }
}
