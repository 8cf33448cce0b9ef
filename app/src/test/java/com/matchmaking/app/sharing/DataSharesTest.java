package com.matchmaking.app.sharing;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.membership.Member;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.consent.WithdrawConsent;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.sharing.ApproveDataShare;
import com.matchmaking.schema.sharing.DataShareApproved;
import com.matchmaking.schema.sharing.DataShareCancelled;
import com.matchmaking.schema.sharing.DataShareConsented;
import com.matchmaking.schema.sharing.DataShareRefused;
import com.matchmaking.schema.sharing.DataShareRequested;
import com.matchmaking.schema.sharing.ProduceDataSharePackage;
import com.matchmaking.schema.sharing.RequestDataShare;
import com.matchmaking.schema.sharing.RespondToDataShare;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A member's third-party shares, on the member's stream: given earlier events, when a command, then events or a rejection. */
class DataSharesTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000005");
    private static final UUID STAFF = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final UUID COMPLIANCE = UUID.fromString("00000000-0000-4000-8000-0000000000c2");
    private static final UUID SHARE = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    private static final UUID OTHER_SHARE = UUID.fromString("00000000-0000-4000-8000-0000000000d2");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Profile PROFILE = new Profile("Li Na", "li.na@example.com", "+8613812341234", null,
            Gender.FEMALE, LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    private static final MemberRegistered REGISTERED = new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64));
    private static final ConsentGranted SHARING = new ConsentGranted(ID, ConsentPurpose.THIRD_PARTY_SHARING, "2026-11", T0);
    private static final Set<ProfileField> FIELDS = Set.of(ProfileField.FULL_NAME, ProfileField.CITY);
    private static final DataShareRequested REQUESTED = new DataShareRequested(ID, SHARE, STAFF, "CUSTOMER_SERVICE",
            "Acme Insurance", "A quote the member asked for", FIELDS, T0);
    private static final DataShareConsented CONSENTED = new DataShareConsented(ID, SHARE, T1);
    private static final DataShareApproved APPROVED = new DataShareApproved(ID, SHARE, COMPLIANCE, T1);
    private static final MemberDataShared PRODUCED = new MemberDataShared(ID, SHARE, STAFF, "CUSTOMER_SERVICE", FIELDS, T1);

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> true);
    }

    @Test
    void aShareRequestRecordsRecipientPurposeAndFields() {
        fixture.given(REGISTERED)
                .when(new RequestDataShare(ID, SHARE, STAFF, "CUSTOMER_SERVICE", "Acme Insurance",
                        "A quote the member asked for", FIELDS, T0))
                .expectEvents(REQUESTED);
    }

    @Test
    void aShareRequestMustNameAField() {
        fixture.given(REGISTERED)
                .when(new RequestDataShare(ID, SHARE, STAFF, "CUSTOMER_SERVICE", "Acme", "A quote", Set.of(), T0))
                .expectNoEvents().expectExceptionMessage("fields must name at least one field");
    }

    @Test
    void aShareIdIsRequestedOnce() {
        fixture.given(REGISTERED, REQUESTED)
                .when(new RequestDataShare(ID, SHARE, STAFF, "CUSTOMER_SERVICE", "Acme", "A quote", FIELDS, T1))
                .expectNoEvents().expectException(RequestRejectedException.class);
    }

    @Test
    void theMemberConsentsToAShareOnceTheyConsentToSharing() {
        fixture.given(REGISTERED, SHARING, REQUESTED).when(new RespondToDataShare(ID, SHARE, true, T1))
                .expectEvents(CONSENTED);
    }

    @Test
    void aConsentToSharingGivenAtRegistrationCounts() {
        fixture.given(new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(ConsentPurpose.THIRD_PARTY_SHARING),
                        T0, "zh-CN", "a".repeat(64)), REQUESTED)
                .when(new RespondToDataShare(ID, SHARE, true, T1))
                .expectEvents(CONSENTED);
    }

    @Test
    void theMembersConsentToAShareNeedsTheirStandingConsentToSharing() {
        fixture.given(REGISTERED, REQUESTED).when(new RespondToDataShare(ID, SHARE, true, T1))
                .expectNoEvents()
                .expectExceptionMessage("Sharing with a third party needs consent to THIRD_PARTY_SHARING (grantConsent) first");
    }

    @Test
    void anAnswerToAnUnknownShareIsNotFound() {
        fixture.given(REGISTERED, SHARING, REQUESTED).when(new RespondToDataShare(ID, OTHER_SHARE, true, T1))
                .expectNoEvents().expectExceptionMessage("No such share");
    }

    @Test
    void aShareIsNotApprovedBeforeTheMemberConsents() {
        fixture.given(REGISTERED, SHARING, REQUESTED).when(new ApproveDataShare(ID, SHARE, COMPLIANCE, T1))
                .expectNoEvents().expectExceptionMessage("Only a share the member consented to can be approved; this one is REQUESTED");
    }

    @Test
    void aShareIsNotApprovedByItsRequester() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED)
                .when(new ApproveDataShare(ID, SHARE, STAFF, T2))
                .expectNoEvents().expectExceptionMessage("A share must be approved by someone other than its requester");
    }

    @Test
    void aShareTheMemberConsentedToIsApprovedBySomeoneElse() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED)
                .when(new ApproveDataShare(ID, SHARE, COMPLIANCE, T2))
                .expectEvents(new DataShareApproved(ID, SHARE, COMPLIANCE, T2));
    }

    @Test
    void onlyTheRequesterCollectsThePackage() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED, APPROVED)
                .when(new ProduceDataSharePackage(ID, SHARE, COMPLIANCE, "COMPLIANCE", T2))
                .expectNoEvents().expectExceptionMessage("Only the staff member who requested the share may collect it");
    }

    @Test
    void theRequesterCollectsAnApprovedShareWithItsFields() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED, APPROVED)
                .when(new ProduceDataSharePackage(ID, SHARE, STAFF, "CUSTOMER_SERVICE", T2))
                .expectEvents(new MemberDataShared(ID, SHARE, STAFF, "CUSTOMER_SERVICE", FIELDS, T2));
    }

    @Test
    void thePackageIsProducedOnce() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED, APPROVED, PRODUCED)
                .when(new ProduceDataSharePackage(ID, SHARE, STAFF, "CUSTOMER_SERVICE", T2))
                .expectNoEvents().expectExceptionMessage("The package was already produced; it is produced once");
    }

    @Test
    void thePackageOfAShareNotApprovedIsNotProduced() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED)
                .when(new ProduceDataSharePackage(ID, SHARE, STAFF, "CUSTOMER_SERVICE", T2))
                .expectNoEvents().expectExceptionMessage("The share is CONSENTED, not approved");
    }

    @Test
    void withdrawingTheConsentToSharingCancelsEveryShareNotHandedOverYet() {
        DataShareRequested second = new DataShareRequested(ID, OTHER_SHARE, STAFF, "CUSTOMER_SERVICE", "Beta Bank",
                "A loan check", Set.of(ProfileField.CITY), T0);
        fixture.given(REGISTERED, SHARING, REQUESTED, second, CONSENTED, APPROVED)
                .when(new WithdrawConsent(ID, ConsentPurpose.THIRD_PARTY_SHARING, T2))
                .expectEvents(new ConsentWithdrawn(ID, ConsentPurpose.THIRD_PARTY_SHARING, T2),
                        new DataShareCancelled(ID, SHARE, T2), new DataShareCancelled(ID, OTHER_SHARE, T2));
    }

    @Test
    void aShareHandedOverStaysSharedWhenTheConsentToSharingIsWithdrawn() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED, APPROVED, PRODUCED)
                .when(new WithdrawConsent(ID, ConsentPurpose.THIRD_PARTY_SHARING, T2))
                .expectEvents(new ConsentWithdrawn(ID, ConsentPurpose.THIRD_PARTY_SHARING, T2));
    }

    @Test
    void aCancelledShareIsNotApproved() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED,
                        new ConsentWithdrawn(ID, ConsentPurpose.THIRD_PARTY_SHARING, T1), new DataShareCancelled(ID, SHARE, T1))
                .when(new ApproveDataShare(ID, SHARE, COMPLIANCE, T2))
                .expectNoEvents().expectExceptionMessage("Only a share the member consented to can be approved; this one is CANCELLED");
    }

    @Test
    void aMemberMayRefuseAShareApprovedButNotProducedYet() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED, APPROVED)
                .when(new RespondToDataShare(ID, SHARE, false, T2))
                .expectEvents(new DataShareRefused(ID, SHARE, T2));
    }

    @Test
    void aShareProducedCanNoLongerBeRefused() {
        fixture.given(REGISTERED, SHARING, REQUESTED, CONSENTED, APPROVED, PRODUCED)
                .when(new RespondToDataShare(ID, SHARE, false, T2))
                .expectNoEvents().expectExceptionMessage("The share is SHARED and can no longer be refused");
    }

    @Test
    void aRefusedShareCannotBeConsentedTo() {
        fixture.given(REGISTERED, SHARING, REQUESTED, new DataShareRefused(ID, SHARE, T1))
                .when(new RespondToDataShare(ID, SHARE, true, T2))
                .expectNoEvents().expectExceptionMessage("The share is REFUSED and cannot be consented to");
    }
}
