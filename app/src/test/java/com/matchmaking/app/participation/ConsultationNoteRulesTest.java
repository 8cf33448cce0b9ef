package com.matchmaking.app.participation;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.membership.Member;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.matchmaking.AddConsultationNote;
import com.matchmaking.schema.matchmaking.ConsultationNoteAdded;
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
import java.util.Set;
import java.util.UUID;

/** Consultation notes, on the member's stream: given a member, when a note, then the note or a rejection. */
class ConsultationNoteRulesTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID STAFF = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    private static final UUID NOTE = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
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
    void aNoteIsAddedWithItsText() {
        fixture.given(REGISTERED).when(new AddConsultationNote(ID, NOTE, STAFF, "Wants to meet in spring", T1))
                .expectEvents(new ConsultationNoteAdded(ID, NOTE, STAFF, "Wants to meet in spring", T1));
    }

    @Test
    void aNoteWithoutTextIsRefused() {
        fixture.given(REGISTERED).when(new AddConsultationNote(ID, NOTE, STAFF, "", T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(REGISTERED).when(new AddConsultationNote(ID, NOTE, STAFF, "   ", T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void aNoteLongerThanTheCapIsRefused() {
        fixture.given(REGISTERED)
                .when(new AddConsultationNote(ID, NOTE, STAFF, "x".repeat(FreeText.Kind.CARE_TEXT.max() + 1), T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(REGISTERED)
                .when(new AddConsultationNote(ID, NOTE, STAFF, "x".repeat(FreeText.Kind.CARE_TEXT.max()), T1))
                .expectEvents(new ConsultationNoteAdded(ID, NOTE, STAFF, "x".repeat(FreeText.Kind.CARE_TEXT.max()), T1));
    }
}
