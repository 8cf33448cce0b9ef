package com.matchmaking.app.membership;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.availability.KnownMembers;
import com.matchmaking.schema.access.RecordAuditTrailView;
import com.matchmaking.schema.matchmaking.AddConsultationNote;
import com.matchmaking.schema.matchmaking.BlockMember;
import com.matchmaking.schema.matchmaking.PauseMatching;
import com.matchmaking.schema.matchmaking.RecordConsultationNotesView;
import com.matchmaking.schema.matchmaking.RecordContactView;
import com.matchmaking.schema.matchmaking.RecordIntroductionRecordsView;
import com.matchmaking.schema.matchmaking.ReinstateMember;
import com.matchmaking.schema.matchmaking.ResumeMatching;
import com.matchmaking.schema.matchmaking.SuspendMember;
import com.matchmaking.schema.retention.IssueRetentionNotice;
import com.matchmaking.schema.retention.PlaceLegalHold;
import com.matchmaking.schema.sharing.RequestDataShare;
import com.matchmaking.schema.access.MemberField;
import com.matchmaking.schema.access.RecordProfileView;
import com.matchmaking.schema.access.RevealMemberField;
import com.matchmaking.schema.access.RecordDataExport;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.consent.GrantConsent;
import com.matchmaking.schema.consent.WithdrawConsent;
import com.matchmaking.schema.erasure.CancelErasure;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.erasure.RequestErasure;
import com.matchmaking.schema.member.AssignMatchmaker;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MatchmakerAssigned;
import com.matchmaking.schema.member.VerifyIdNumber;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.IncomeBand;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdatePreferences;
import com.matchmaking.schema.member.UpdateProfile;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The member aggregate's rules, given earlier events, when a command, then events or a rejection. */
class MemberTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Profile PROFILE = new Profile("Li Na", "li.na@example.com", "+8613812341234", "lina_88",
            Gender.FEMALE, LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, Education.MASTER,
            "Architect", 165, null, "Likes hiking");
    private static final MemberRegistered REGISTERED = new MemberRegistered(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64));

    private final Set<String> takenEmails = new HashSet<>();
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource((LoginAvailability) (email, memberId) -> !takenEmails.contains(email));
    }

    private static ProfilePatch patch(Set<ProfileField> fields, Profile values) {
        return new ProfilePatch(fields, values);
    }

    private static Profile withCity(String city) {
        return new Profile(null, null, null, null, null, null, city, null, null, null, null, null, null);
    }

    private static Profile withIncome(IncomeBand band) {
        return new Profile(null, null, null, null, null, null, null, null, null, null, null, band, null);
    }

    private static Profile withEmail(String email) {
        return new Profile(null, email, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void registeringAMemberRecordsTheirProfileConsentsAndPolicyVersion() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void registrationWithAnEmailAlreadyInUseIsAConflict() {
        takenEmails.add(PROFILE.email());
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(ID, PROFILE, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64)))
                .expectNoEvents()
                .expectException(RequestRejectedException.class)
                .expectExceptionMessage("This email address is already registered");
    }

    @Test
    void anIncomeBandNeedsConsentToSensitiveData() {
        Profile withIncome = new Profile("Li Na", "li.na@example.com", "+8613812341234", null, Gender.FEMALE,
                LocalDate.of(1992, 4, 1), "Shanghai", MaritalStatus.NEVER_MARRIED, null, null, null,
                IncomeBand.OVER_600K, null);
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(ID, withIncome, "{bcrypt}hash", "2026-11", Set.of(), T0, "zh-CN", "a".repeat(64)))
                .expectNoEvents()
                .expectExceptionMessage("incomeBand needs consent to SENSITIVE_DATA");
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(ID, withIncome, "{bcrypt}hash", "2026-11", Set.of(ConsentPurpose.SENSITIVE_DATA), T0, "zh-CN", "a".repeat(64)))
                .expectEvents(new MemberRegistered(ID, withIncome, "{bcrypt}hash", "2026-11", Set.of(ConsentPurpose.SENSITIVE_DATA), T0, "zh-CN", "a".repeat(64)));
    }

    @Test
    void registrationWithoutAnAcceptedPolicyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(ID, PROFILE, "{bcrypt}hash", " ", Set.of(), T0, "zh-CN", "a".repeat(64)))
                .expectNoEvents()
                .expectExceptionMessage("The privacy policy must be accepted");
    }

    @Test
    void aProfileChangeRecordsTheNewProfileAndOnlyTheFieldsThatChanged() {
        Profile moved = ProfilePatchOf.city(PROFILE, "Hangzhou");
        fixture.given(REGISTERED)
                .when(new UpdateProfile(ID, patch(Set.of(ProfileField.CITY, ProfileField.FULL_NAME),
                        new Profile("Li Na", null, null, null, null, null, "Hangzhou", null, null, null, null, null, null)), T1))
                .expectEvents(new ProfileUpdated(ID, moved, Set.of(ProfileField.CITY), T1));
    }

    @Test
    void aChangeThatChangesNothingRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new UpdateProfile(ID, patch(Set.of(ProfileField.CITY), withCity("Shanghai")), T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRequiredFieldCannotBeCleared() {
        fixture.given(REGISTERED)
                .when(new UpdateProfile(ID, patch(Set.of(ProfileField.CITY), withCity(null)), T1))
                .expectNoEvents()
                .expectExceptionMessage("city is required and cannot be cleared");
    }

    @Test
    void anEmailChangeCannotTakeAnotherMembersEmail() {
        takenEmails.add("taken@example.com");
        fixture.given(REGISTERED)
                .when(new UpdateProfile(ID, patch(Set.of(ProfileField.EMAIL), withEmail("taken@example.com")), T1))
                .expectNoEvents()
                .expectExceptionMessage("This email address is already registered");
    }

    @Test
    void preferencesAreRecordedOnlyWhenTheyChange() {
        PartnerPreferences preferences = new PartnerPreferences(new PartnerPreferences.RangeCriterion(28, 38, true, 5),
                null, null, null, null, null);
        fixture.given(REGISTERED)
                .when(new UpdatePreferences(ID, preferences, T1))
                .expectEvents(new PreferencesUpdated(ID, preferences, T1));
        fixture.given(REGISTERED, new PreferencesUpdated(ID, preferences, T0))
                .when(new UpdatePreferences(ID, preferences, T1))
                .expectNoEvents();
    }

    @Test
    void afterSensitiveConsentIsWithdrawnTheIncomeBandIsGoneFromLaterProfiles() {
        Profile rich = ProfilePatchOf.income(PROFILE, IncomeBand.OVER_600K);
        fixture.given(new MemberRegistered(ID, rich, "{bcrypt}hash", "2026-11", Set.of(ConsentPurpose.SENSITIVE_DATA), T0, "zh-CN", "a".repeat(64)),
                        new ConsentWithdrawn(ID, ConsentPurpose.SENSITIVE_DATA, T0))
                .when(new UpdateProfile(ID, patch(Set.of(ProfileField.CITY), withCity("Suzhou")), T1))
                .expectEvents(new ProfileUpdated(ID, ProfilePatchOf.city(PROFILE, "Suzhou"), Set.of(ProfileField.CITY), T1));
        fixture.given(REGISTERED)
                .when(new UpdateProfile(ID, patch(Set.of(ProfileField.INCOME_BAND), withIncome(IncomeBand.UNDER_100K)), T1))
                .expectNoEvents()
                .expectExceptionMessage("incomeBand needs consent to SENSITIVE_DATA");
    }

    @Test
    void anErasureRequestIsRecordedOnceAndCanBeCancelled() {
        fixture.given(REGISTERED)
                .when(new RequestErasure(ID, T0, T1))
                .expectEvents(new ErasureRequested(ID, T0, T1));
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T1))
                .when(new RequestErasure(ID, T0, T1))
                .expectNoEvents();
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T1))
                .when(new CancelErasure(ID, T0))
                .expectEvents(new ErasureCancelled(ID, T0));
        fixture.given(REGISTERED)
                .when(new CancelErasure(ID, T0))
                .expectNoEvents()
                .expectExceptionMessage("No erasure is pending");
    }

    @Test
    void erasureWaitsForTheCoolingOffPeriodAndHappensOnlyIfRequested() {
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T1))
                .when(new EraseMember(ID, T0))
                .expectNoEvents()
                .expectExceptionMessage("The cooling-off period has not passed yet");
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T1))
                .when(new EraseMember(ID, T1))
                .expectEvents(new MemberErased(ID, T0, T1, ErasureCause.MEMBER_REQUEST));
        fixture.given(REGISTERED, new ErasureRequested(ID, T0, T1), new ErasureCancelled(ID, T0))
                .when(new EraseMember(ID, T1))
                .expectNoEvents()
                .expectExceptionMessage("Erasure was not requested or was cancelled");
    }

    @Test
    void anErasedMemberRefusesEveryFurtherCommand() {
        Object[] history = {REGISTERED, new ErasureRequested(ID, T0, T0), new MemberErased(ID, T0, T0, ErasureCause.MEMBER_REQUEST)};
        for (Object command : new Object[] {
                new UpdateProfile(ID, patch(Set.of(ProfileField.CITY), withCity("Hangzhou")), T1),
                new UpdatePreferences(ID, PartnerPreferences.NONE, T1),
                new GrantConsent(ID, ConsentPurpose.SENSITIVE_DATA, "2026-11", T1),
                new RequestErasure(ID, T1, T1),
                new EraseMember(ID, T1),
                new RecordDataExport(ID, T1)}) {
            fixture.given(history).when(command)
                    .expectNoEvents()
                    .expectException(RequestRejectedException.class)
                    .expectExceptionMessage("No such member");
        }
    }

    @Test
    void anErasedMemberRefusesTheCommandsOfEveryFeatureOfTheAggregate() {
        UUID other = UUID.fromString("00000000-0000-4000-8000-000000000002");
        UUID staff = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
        UUID introduction = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
        Object[] history = {REGISTERED, new ErasureRequested(ID, T0, T0), new MemberErased(ID, T0, T0, ErasureCause.MEMBER_REQUEST)};
        fixture.registerInjectableResource((KnownMembers) Set.of(ID, other)::contains);
        for (Object command : new Object[] {
                new WithdrawConsent(ID, ConsentPurpose.SENSITIVE_DATA, T1),
                new RequestDataShare(ID, staff, staff, "CUSTOMER_SERVICE", "Acme", "A quote", Set.of(ProfileField.CITY), T1),
                new PlaceLegalHold(ID, "Court order", staff, T1),
                new IssueRetentionNotice(ID, T0, T1, T1),
                new BlockMember(ID, other, T1), new PauseMatching(ID, T1), new ResumeMatching(ID, T1),
                new SuspendMember(ID, staff, "Complaint", T1), new ReinstateMember(ID, staff, T1),
                new AddConsultationNote(ID, staff, staff, "Note", T1),
                new RevealMemberField(ID, staff, "CUSTOMER_SERVICE", MemberField.PHONE, "Call back", T1),
                new RecordProfileView(ID, staff, "MATCHMAKER", T1),
                new RecordAuditTrailView(ID, staff, "COMPLIANCE", T0, null, T1),
                new RecordConsultationNotesView(ID, staff, "CUSTOMER_SERVICE", T1),
                new RecordContactView(ID, other, introduction, T1),
                new RecordIntroductionRecordsView(ID, introduction, staff, "MATCHMAKER", T1)}) {
            fixture.given(history).when(command)
                    .expectNoEvents()
                    .expectException(RequestRejectedException.class)
                    .expectExceptionMessage("No such member");
        }
    }

    @Test
    void assigningAMatchmakerIsRecordedOnlyWhenItChanges() {
        UUID matchmaker = UUID.fromString("00000000-0000-4000-8000-0000000000bb");
        fixture.given(REGISTERED).when(new AssignMatchmaker(ID, matchmaker, T1))
                .expectEvents(new MatchmakerAssigned(ID, matchmaker, T1));
        fixture.given(REGISTERED, new MatchmakerAssigned(ID, matchmaker, T0)).when(new AssignMatchmaker(ID, matchmaker, T1))
                .expectNoEvents();
        fixture.given(REGISTERED, new MatchmakerAssigned(ID, matchmaker, T0)).when(new AssignMatchmaker(ID, null, T1))
                .expectEvents(new MatchmakerAssigned(ID, null, T1));
    }

    @Test
    void anIdVerificationNeedsConsentToSensitiveData() {
        fixture.given(REGISTERED).when(new VerifyIdNumber(ID, "110***********1233", true, T1))
                .expectNoEvents().expectExceptionMessage("An ID number needs consent to SENSITIVE_DATA");
        fixture.given(REGISTERED, new ConsentGranted(ID, ConsentPurpose.SENSITIVE_DATA, "2026-11", T0))
                .when(new VerifyIdNumber(ID, "110***********1233", true, T1))
                .expectEvents(new IdNumberVerified(ID, "110***********1233", true, T1));
    }

    /** Profiles with one field changed, spelled out. */
    private static final class ProfilePatchOf {
        static Profile city(Profile p, String city) {
            return new ProfilePatch(Set.of(ProfileField.CITY), withCity(city)).applyTo(p);
        }

        static Profile income(Profile p, IncomeBand band) {
            return new ProfilePatch(Set.of(ProfileField.INCOME_BAND), withIncome(band)).applyTo(p);
        }
    }
}
