package com.matchmaking.app.consent;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.membership.Member;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.consent.GrantConsent;
import com.matchmaking.schema.consent.WithdrawConsent;
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

/** A member's consents, on the member's stream: given earlier events, when a command, then events. */
class MemberConsentsTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000011");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Profile PROFILE = new Profile("Li Na", "li.na@example.com", "+8613812341234", null,
            Gender.FEMALE, LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    private static final MemberRegistered REGISTERED = new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11",
            Set.of(), T0, "zh-CN", "a".repeat(64));

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> true);
    }

    @Test
    void aConsentNotGivenYetIsGranted() {
        fixture.given(REGISTERED)
                .when(new GrantConsent(ID, ConsentPurpose.THIRD_PARTY_SHARING, "2026-11", T1))
                .expectEvents(new ConsentGranted(ID, ConsentPurpose.THIRD_PARTY_SHARING, "2026-11", T1));
    }

    @Test
    void aConsentAlreadyGivenIsNotGrantedAgain() {
        fixture.given(REGISTERED, new ConsentGranted(ID, ConsentPurpose.THIRD_PARTY_SHARING, "2026-11", T0))
                .when(new GrantConsent(ID, ConsentPurpose.THIRD_PARTY_SHARING, "2026-11", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aConsentGivenAtRegistrationIsNotGrantedAgain() {
        fixture.given(new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(ConsentPurpose.SENSITIVE_DATA),
                        T0, "zh-CN", "a".repeat(64)))
                .when(new GrantConsent(ID, ConsentPurpose.SENSITIVE_DATA, "2026-11", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aConsentGivenIsWithdrawn() {
        fixture.given(REGISTERED, new ConsentGranted(ID, ConsentPurpose.SENSITIVE_DATA, "2026-11", T0))
                .when(new WithdrawConsent(ID, ConsentPurpose.SENSITIVE_DATA, T1))
                .expectEvents(new ConsentWithdrawn(ID, ConsentPurpose.SENSITIVE_DATA, T1));
    }

    @Test
    void aConsentNeverGivenOrWithdrawnAlreadyIsNotWithdrawnAgain() {
        fixture.given(REGISTERED)
                .when(new WithdrawConsent(ID, ConsentPurpose.THIRD_PARTY_SHARING, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REGISTERED, new ConsentGranted(ID, ConsentPurpose.SENSITIVE_DATA, "2026-11", T0),
                        new ConsentWithdrawn(ID, ConsentPurpose.SENSITIVE_DATA, T0))
                .when(new WithdrawConsent(ID, ConsentPurpose.SENSITIVE_DATA, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
