package com.matchmaking.app.membership;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.access.RecordAuditTrailView;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.consent.WithdrawConsent;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.erasure.ReapplyErasure;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.policy.AcceptPrivacyPolicy;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;
import com.matchmaking.schema.retention.EraseInactiveMember;
import com.matchmaking.schema.retention.IssueRetentionNotice;
import com.matchmaking.schema.retention.LegalHoldPlaced;
import com.matchmaking.schema.retention.LegalHoldReleased;
import com.matchmaking.schema.retention.PlaceLegalHold;
import com.matchmaking.schema.retention.ReleaseLegalHold;
import com.matchmaking.schema.retention.RetentionNoticeIssued;
import com.matchmaking.schema.retention.RetentionNoticeWithdrawn;
import com.matchmaking.schema.retention.WithdrawRetentionNotice;
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

/**
 * The member aggregate's compliance rules (audit-trail views, policy acceptance, third-party shares, legal holds,
 * retention and re-applied erasures): given earlier events, when a command, then events or a rejection.
 */
class MemberComplianceTest {

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

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> true);
    }

    @Test
    void acceptingAPolicyVersionIsRecordedOncePerVersion() {
        fixture.given(REGISTERED).when(new AcceptPrivacyPolicy(ID, "2027-01", T1, "zh-CN", "a".repeat(64)))
                .expectEvents(new PrivacyPolicyAccepted(ID, "2027-01", T1, "zh-CN", "a".repeat(64)));
        fixture.given(REGISTERED).when(new AcceptPrivacyPolicy(ID, "2026-11", T1, "zh-CN", "a".repeat(64))).expectNoEvents();
        fixture.given(REGISTERED, new PrivacyPolicyAccepted(ID, "2027-01", T1, "zh-CN", "a".repeat(64)))
                .when(new AcceptPrivacyPolicy(ID, "2027-01", T2, "zh-CN", "a".repeat(64))).expectNoEvents();
    }

    @Test
    void anErasureFromTheLedgerIsCarriedOutAgainOnAMemberTheRestoredLogKnowsAsAlive() {
        fixture.given(REGISTERED, new LegalHoldPlaced(ID, "Pending claim", COMPLIANCE, T0))
                .when(new ReapplyErasure(ID, T1, T2))
                .expectEvents(new MemberErased(ID, T1, T2, ErasureCause.ERASURE_LEDGER));
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T0), new MemberErased(ID, T0, T1, ErasureCause.MEMBER_REQUEST))
                .when(new ReapplyErasure(ID, T1, T2))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
