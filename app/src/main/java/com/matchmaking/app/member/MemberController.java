package com.matchmaking.app.member;

import com.matchmaking.app.policy.PrivacyPolicies;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.consent.ConsentViews;
import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.member.MemberInputs.PreferencesInput;
import com.matchmaking.app.member.MemberInputs.ProfileInput;
import com.matchmaking.app.member.MemberInputs.RegisterMemberInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.GrantConsent;
import com.matchmaking.schema.consent.WithdrawConsent;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.IncomeBand;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.UpdatePreferences;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import com.matchmaking.schema.member.UpdateProfile;
import com.matchmaking.schema.member.VerifyIdNumber;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.purpose.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A member's self-service: registration, their own profile and preferences, and their consents. */
@Controller
class MemberController {

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final PrivacyPolicies policies;
    private final Clock clock;
    private final Registrations registrations;
    private final Logins logins;
    private final EmailChanges emailChanges;

    MemberController(AuditedCommands commands, SubjectHistory history, PrivacyPolicies policies,
                     Clock clock, Registrations registrations, Logins logins, EmailChanges emailChanges) {
        this.registrations = registrations;
        this.emailChanges = emailChanges;
        this.logins = logins;
        this.commands = commands;
        this.history = history;
        this.policies = policies;
        this.clock = clock;
    }

    record RegistrationPayload(UUID memberId) {
    }

    /** The caller's profile under the names of {@code RegisterMemberInput}. */
    record MemberProfile(UUID memberId, String email, String fullName, String phone, Gender gender, LocalDate birthDate,
                         String city, MaritalStatus maritalStatus, String acceptedPrivacyPolicyVersion, Education education,
                         String occupation, Integer heightCm, IncomeBand incomeBand, String aboutMe, String wechatId,
                         String maskedIdNumber, Boolean idVerified, Instant registeredAt, Instant updatedAt,
                         PartnerPreferences preferences) {

        static MemberProfile of(MemberDetails r) {
            var p = r.profile();
            var id = r.idVerification();
            return new MemberProfile(r.memberId(), p.email(), p.fullName(), p.phone(), p.gender(), p.birthDate(), p.city(),
                    p.maritalStatus(), r.policyVersion(), p.education(), p.occupation(), p.heightCm(), p.incomeBand(),
                    p.aboutMe(), p.wechatId(), id == null ? null : id.maskedIdNumber(), id == null ? null : id.verified(),
                    r.registeredAt(), r.updatedAt(), r.preferences());
        }
    }

    /** A pending id, alike for a new and a taken address (see {@link Registrations}). */
    @MutationMapping
    RegistrationPayload registerMember(@Argument RegisterMemberInput input, Locale locale) {
        return new RegistrationPayload(registrations.register(input, locale));
    }

    @MutationMapping
    Logins.Session confirmEmail(@Argument String email, @Argument String code) {
        return logins.sessionFor(registrations.confirm(email, code));
    }

    @QueryMapping
    MemberProfile me(@ContextValue Actor actor) {
        return MemberProfile.of(own(actor, MemberDetails.VIEW));
    }

    /**
     * Applies the changed fields at once, except a new email: that only starts a change, applied by
     * {@code confirmEmailChange} with the code mailed to the new address (see {@link EmailChanges}). The answer is the
     * profile as it stands, the same whether the new address is free or taken.
     */
    @MutationMapping
    MemberProfile updateMyProfile(@Argument ProfileInput input, @ContextValue Actor actor, Locale locale) {
        ProfilePatch patch = MemberInputs.patch(input, clock);
        Set<ProfileField> applied = EnumSet.noneOf(ProfileField.class);
        applied.addAll(patch.fields());
        String newEmail = applied.remove(ProfileField.EMAIL) ? patch.values().email() : null;
        if (!applied.isEmpty()) {
            commands.send(new UpdateProfile(actor.accountId(), new ProfilePatch(applied, EmailChanges.withoutEmail(patch.values())),
                    clock.instant()), actor, Purpose.SELF_SERVICE);
        }
        if (newEmail != null) {
            emailChanges.start(actor.accountId(), newEmail, locale);
        }
        return me(actor);
    }

    /** Moves the caller's login to the new address they confirmed; every earlier token dies, the answer has a new one. */
    @MutationMapping
    Logins.Session confirmEmailChange(@Argument String code, @ContextValue Actor actor, Locale locale) {
        emailChanges.confirm(actor, code, locale);
        return logins.sessionFor(actor.accountId());
    }

    @MutationMapping
    PartnerPreferences updateMyPreferences(@Argument PreferencesInput input, @ContextValue Actor actor) {
        commands.send(new UpdatePreferences(actor.accountId(), MemberInputs.preferences(input), clock.instant()), actor,
                Purpose.SELF_SERVICE);
        return own(actor, MemberDetails.VIEW).preferences();
    }

    /**
     * Checks an ID number in memory and keeps only the outcome and its masked form. A number that does not check
     * out is recorded as unverified; only a malformed one is refused.
     */
    @MutationMapping
    MemberProfile submitIdNumber(@Argument String idNumber, @ContextValue Actor actor) {
        String id = IdNumbers.normalise(idNumber == null ? "" : idNumber)
                .orElseThrow(() -> RequestRejectedException.badRequest(MessageKey.ID_NUMBER_FORMAT));
        boolean verified = IdNumbers.verifies(id, own(actor, MemberDetails.PROFILE).birthDate());
        commands.send(new VerifyIdNumber(actor.accountId(), Masking.idNumber(id), verified, clock.instant()), actor,
                Purpose.ID_VERIFICATION);
        return me(actor);
    }

    @QueryMapping
    Collection<ConsentViews.ConsentState> myConsents(@ContextValue Actor actor) {
        return own(actor, ConsentViews.CURRENT).values();
    }

    @MutationMapping
    Collection<ConsentViews.ConsentState> grantConsent(@Argument ConsentPurpose purpose, @ContextValue Actor actor) {
        commands.send(new GrantConsent(actor.accountId(), purpose, policies.currentVersion(), clock.instant()),
                actor, Purpose.CONSENT);
        return myConsents(actor);
    }

    @MutationMapping
    Collection<ConsentViews.ConsentState> withdrawConsent(@Argument ConsentPurpose purpose, @ContextValue Actor actor) {
        commands.send(new WithdrawConsent(actor.accountId(), purpose, clock.instant()), actor, Purpose.CONSENT);
        return myConsents(actor);
    }

    /** The caller's own log through the view; an account with no member behind it is not found, as ever. */
    private <R> R own(Actor actor, HistoryView<R> view) {
        return history.read(actor.accountId(), view)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
    }
}
