package com.matchmaking.app.member;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.access.RecordDataExport;
import com.matchmaking.schema.access.RecordProfileView;
import com.matchmaking.schema.access.RevealMemberField;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.consent.GrantConsent;
import com.matchmaking.schema.consent.WithdrawConsent;
import com.matchmaking.schema.erasure.CancelErasure;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.erasure.RequestErasure;
import com.matchmaking.schema.member.AssignMatchmaker;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MatchmakerAssigned;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.VerifyIdNumber;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdatePreferences;
import com.matchmaking.schema.member.UpdateProfile;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member, from registration to erasure. Command handlers check the rules and apply events; event-sourcing
 * handlers only assign. The state it keeps is what the rules need: the current profile (to tell what a change
 * changes), consents, and where the erasure stands. Its snapshots go through the crypto-shredding serializer, so
 * the profile in them is encrypted like in the events.
 */
@Aggregate(snapshotTriggerDefinition = "memberSnapshotTrigger")
class Member {

    @AggregateIdentifier
    @DataSubjectId
    private UUID memberId;
    private Profile profile;
    @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING)
    private PartnerPreferences preferences;
    @NotPersonal("purposes of a fixed list")
    private Set<ConsentPurpose> consents = new HashSet<>();
    @NotPersonal
    private MemberStatus status;
    @NotPersonal
    private Instant erasureRequestedAt;
    @NotPersonal
    private Instant erasureDueAt;
    @NotPersonal("a staff id")
    private UUID matchmakerId;

    protected Member() {
        // For Axon and for snapshots.
    }

    @CommandHandler
    Member(RegisterMember command, LoginAvailability logins) {
        if (command.acceptedPrivacyPolicyVersion() == null || command.acceptedPrivacyPolicyVersion().isBlank()) {
            throw RequestRejectedException.badRequest("The privacy policy must be accepted");
        }
        requireSensitiveConsent(command.profile(), command.consents());
        if (!logins.isAvailable(command.profile().email(), command.memberId())) {
            throw RequestRejectedException.conflict("This email address is already registered");
        }
        apply(new MemberRegistered(command.memberId(), command.profile(), command.passwordHash(),
                command.acceptedPrivacyPolicyVersion(), command.consents(), command.registeredAt()));
    }

    @CommandHandler
    void handle(UpdateProfile command, LoginAvailability logins) {
        requireNotErased();
        Profile changed = command.patch().applyTo(profile);
        Set<ProfileField> changedFields = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : command.patch().fields()) {
            if (field.required() && changed.value(field) == null) {
                throw RequestRejectedException.badRequest(field.propertyName() + " is required and cannot be cleared");
            }
            if (!Objects.equals(changed.value(field), profile.value(field))) {
                changedFields.add(field);
            }
        }
        if (changedFields.isEmpty()) {
            return;
        }
        requireSensitiveConsent(changed, consents);
        if (changedFields.contains(ProfileField.EMAIL) && !logins.isAvailable(changed.email(), memberId)) {
            throw RequestRejectedException.conflict("This email address is already registered");
        }
        apply(new ProfileUpdated(memberId, changed, changedFields, command.updatedAt()));
    }

    @CommandHandler
    void handle(UpdatePreferences command) {
        requireNotErased();
        if (!Objects.equals(preferences, command.preferences())) {
            apply(new PreferencesUpdated(memberId, command.preferences(), command.updatedAt()));
        }
    }

    @CommandHandler
    void handle(GrantConsent command) {
        requireNotErased();
        if (!consents.contains(command.purpose())) {
            apply(new ConsentGranted(memberId, command.purpose(), command.policyVersion(), command.grantedAt()));
        }
    }

    @CommandHandler
    void handle(WithdrawConsent command) {
        requireNotErased();
        if (consents.contains(command.purpose())) {
            apply(new ConsentWithdrawn(memberId, command.purpose(), command.withdrawnAt()));
        }
    }

    @CommandHandler
    void handle(RequestErasure command) {
        requireNotErased();
        if (status == MemberStatus.ERASURE_PENDING) {
            return;
        }
        if (command.dueAt().isBefore(command.requestedAt())) {
            throw RequestRejectedException.badRequest("An erasure cannot be due before it is requested");
        }
        apply(new ErasureRequested(memberId, command.requestedAt(), command.dueAt()));
    }

    @CommandHandler
    void handle(CancelErasure command) {
        requireNotErased();
        if (status != MemberStatus.ERASURE_PENDING) {
            throw RequestRejectedException.conflict("No erasure is pending");
        }
        apply(new ErasureCancelled(memberId, command.cancelledAt()));
    }

    @CommandHandler
    void handle(EraseMember command) {
        requireNotErased();
        if (status != MemberStatus.ERASURE_PENDING) {
            throw RequestRejectedException.conflict("Erasure was not requested or was cancelled");
        }
        if (command.erasedAt().isBefore(erasureDueAt)) {
            throw RequestRejectedException.conflict("The cooling-off period has not passed yet");
        }
        apply(new MemberErased(memberId, erasureRequestedAt, command.erasedAt()));
    }

    @CommandHandler
    void handle(AssignMatchmaker command) {
        requireNotErased();
        if (!Objects.equals(matchmakerId, command.matchmakerId())) {
            apply(new MatchmakerAssigned(memberId, command.matchmakerId(), command.assignedAt()));
        }
    }

    @CommandHandler
    void handle(VerifyIdNumber command) {
        requireNotErased();
        if (!consents.contains(ConsentPurpose.SENSITIVE_DATA)) {
            throw RequestRejectedException.badRequest("An ID number needs consent to SENSITIVE_DATA");
        }
        apply(new IdNumberVerified(memberId, command.maskedIdNumber(), command.verified(), command.verifiedAt()));
    }

    @CommandHandler
    void handle(RevealMemberField command) {
        requireNotErased();
        apply(new MemberFieldRevealed(memberId, command.staffId(), command.staffRole(), command.field(), command.reason(),
                command.revealedAt()));
    }

    @CommandHandler
    void handle(RecordProfileView command) {
        requireNotErased();
        apply(new MemberProfileViewed(memberId, command.staffId(), command.staffRole(), command.viewedAt()));
    }

    @CommandHandler
    void handle(RecordDataExport command) {
        requireNotErased();
        apply(new MemberDataExported(memberId, command.exportedAt()));
    }

    private void requireNotErased() {
        if (status == MemberStatus.ERASED) {
            throw RequestRejectedException.notFound("No such member");
        }
    }

    private static void requireSensitiveConsent(Profile profile, Set<ConsentPurpose> consents) {
        if (profile.incomeBand() != null && !consents.contains(ConsentPurpose.SENSITIVE_DATA)) {
            throw RequestRejectedException.badRequest("incomeBand needs consent to SENSITIVE_DATA");
        }
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        profile = event.profile();
        consents = new HashSet<>(event.consents());
        status = MemberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(PreferencesUpdated event) {
        preferences = event.preferences();
    }

    @EventSourcingHandler
    void on(ConsentGranted event) {
        consents.add(event.purpose());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.purpose());
        if (event.purpose() == ConsentPurpose.SENSITIVE_DATA) {
            // The sensitive key group is destroyed with this event: what it encrypted is gone from the state too.
            profile = withoutSensitiveData(profile);
        }
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        status = MemberStatus.ERASURE_PENDING;
        erasureRequestedAt = event.requestedAt();
        erasureDueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(ErasureCancelled event) {
        status = MemberStatus.ACTIVE;
        erasureRequestedAt = null;
        erasureDueAt = null;
    }

    @EventSourcingHandler
    void on(MatchmakerAssigned event) {
        matchmakerId = event.matchmakerId();
    }

    @EventSourcingHandler
    void on(MemberErased event) {
        status = MemberStatus.ERASED;
        profile = null;
        preferences = null;
    }

    private static Profile withoutSensitiveData(Profile p) {
        return new Profile(p.fullName(), p.email(), p.phone(), p.wechatId(), p.gender(), p.birthDate(), p.city(),
                p.maritalStatus(), p.education(), p.occupation(), p.heightCm(), null, p.aboutMe());
    }
}
