package com.matchmaking.app.membership;

import com.matchmaking.app.access.AccessLog;
import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.availability.Availability;
import com.matchmaking.app.consent.MemberConsents;
import com.matchmaking.app.participation.ConsultationNotes;
import com.matchmaking.app.retention.MemberRetention;
import com.matchmaking.app.sharing.DataShares;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import com.matchmaking.schema.erasure.ReapplyErasure;
import com.matchmaking.schema.policy.AcceptPrivacyPolicy;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.consent.WithdrawConsent;
import com.matchmaking.schema.erasure.CancelErasure;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.ErasureCause;
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
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member, from registration to erasure: one stream of events, one consistency boundary. The root keeps the
 * member's identity, profile, preferences, accepted policy version, matchmaker and where their erasure stands, and
 * routes what crosses features (a withdrawn consent to sharing cancels the open shares; a legal hold blocks an
 * erasure). Each feature's rules and state live in its own package, as an aggregate member Axon hands the feature's
 * commands and the member's events to: consents ({@code consent}), third-party shares ({@code sharing}), retention
 * notices and legal holds ({@code retention}), blocks, pauses and suspensions ({@code availability}), consultation
 * notes ({@code matchmaking}) and the record of every look at the member's data ({@code access}).
 *
 * <p>Command handlers check the rules and apply events; event-sourcing handlers only assign. An erased member refuses
 * every command (one interceptor, below). Snapshots go through the crypto-shredding serializer, so the profile in
 * them is encrypted like in the events; their shape is versioned by {@link #SNAPSHOT_REVISION}.
 */
@Aggregate(snapshotTriggerDefinition = "memberSnapshotTrigger")
@Revision(Member.SNAPSHOT_REVISION)
public class Member {

    /**
     * The shape of the member's snapshots, its features' fields included. Raise it whenever that shape changes: a
     * snapshot of another revision is then skipped (the revision filter Axon sets up for an aggregate with
     * {@code @Revision}) and the member is sourced from their events, instead of being read into the new shape with
     * the features it does not recognise silently left empty.
     */
    static final String SNAPSHOT_REVISION = "2";

    @AggregateIdentifier
    @DataSubjectId
    private UUID memberId;
    private Profile profile;
    @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING)
    private PartnerPreferences preferences;
    @NotPersonal("a policy version")
    private String acceptedPolicyVersion;
    @NotPersonal("a staff id")
    private UUID matchmakerId;
    @NotPersonal
    private MemberStatus status;
    @NotPersonal
    private Instant erasureRequestedAt;
    @NotPersonal
    private Instant erasureDueAt;

    @AggregateMember
    @NotPersonal("purposes of a fixed list")
    private MemberConsents consents = new MemberConsents();
    @AggregateMember
    @NotPersonal("share ids with who asked, which fields and where each stands; whether sharing is consented to")
    private DataShares shares = new DataShares();
    @AggregateMember
    @NotPersonal("whether a legal hold is in place, the dates of a retention notice, whether an erasure is pending")
    private MemberRetention retention = new MemberRetention();
    @AggregateMember
    @NotPersonal("member ids (pseudonyms) this member blocked, whether matching is paused and whether suspended")
    private Availability availability = new Availability();
    @AggregateMember
    @NotPersonal("no state: the notes live in the events")
    private ConsultationNotes consultationNotes = new ConsultationNotes();
    @AggregateMember
    @NotPersonal("no state: the looks live in the events")
    private AccessLog accessLog = new AccessLog();

    protected Member() {
        // For Axon and for snapshots.
    }

    @CommandHandler
    Member(RegisterMember command, LoginAvailability logins) {
        if (command.acceptedPrivacyPolicyVersion() == null || command.acceptedPrivacyPolicyVersion().isBlank()) {
            throw RequestRejectedException.badRequest(MessageKey.POLICY_MUST_BE_ACCEPTED);
        }
        requireSensitiveConsent(command.profile(), command.consents().contains(ConsentPurpose.SENSITIVE_DATA));
        if (!logins.isAvailable(command.profile().email(), command.memberId())) {
            throw RequestRejectedException.conflict(MessageKey.EMAIL_TAKEN);
        }
        apply(new MemberRegistered(command.memberId(), command.profile(), command.passwordHash(),
                command.acceptedPrivacyPolicyVersion(), command.consents(), command.registeredAt(),
                command.acceptedPrivacyPolicyLanguage(), command.acceptedPrivacyPolicyTextHash()));
    }

    @CommandHandler
    void handle(UpdateProfile command, LoginAvailability logins) {
        Profile changed = command.patch().applyTo(profile);
        Set<ProfileField> changedFields = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : command.patch().fields()) {
            if (field.required() && changed.value(field) == null) {
                throw RequestRejectedException.badRequest(MessageKey.REQUIRED_NOT_CLEARABLE, field.propertyName());
            }
            if (!Objects.equals(changed.value(field), profile.value(field))) {
                changedFields.add(field);
            }
        }
        if (changedFields.isEmpty()) {
            return;
        }
        requireSensitiveConsent(changed, consents.given(ConsentPurpose.SENSITIVE_DATA));
        if (changedFields.contains(ProfileField.EMAIL) && !logins.isAvailable(changed.email(), memberId)) {
            throw RequestRejectedException.conflict(MessageKey.EMAIL_TAKEN);
        }
        apply(new ProfileUpdated(memberId, changed, changedFields, command.updatedAt()));
    }

    @CommandHandler
    void handle(UpdatePreferences command) {
        if (!Objects.equals(preferences, command.preferences())) {
            apply(new PreferencesUpdated(memberId, command.preferences(), command.updatedAt()));
        }
    }

    /** A withdrawal crosses features: what depended on the consent stops with it. */
    @CommandHandler
    void handle(WithdrawConsent command) {
        if (consents.withdraw(command) && command.purpose() == ConsentPurpose.THIRD_PARTY_SHARING) {
            shares.cancelOpenShares(memberId, command.withdrawnAt());
        }
    }

    @CommandHandler
    void handle(AcceptPrivacyPolicy command) {
        if (command.version() == null || command.version().isBlank()) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "version");
        }
        if (!command.version().equals(acceptedPolicyVersion)) {
            apply(new PrivacyPolicyAccepted(memberId, command.version(), command.acceptedAt(), command.language(),
                    command.textHash()));
        }
    }

    @CommandHandler
    void handle(RequestErasure command) {
        if (status == MemberStatus.ERASURE_PENDING) {
            return;
        }
        if (command.dueAt().isBefore(command.requestedAt())) {
            throw RequestRejectedException.badRequest(MessageKey.ERASURE_DUE_BEFORE_REQUEST);
        }
        apply(new ErasureRequested(memberId, command.requestedAt(), command.dueAt()));
    }

    @CommandHandler
    void handle(CancelErasure command) {
        if (status != MemberStatus.ERASURE_PENDING) {
            throw RequestRejectedException.conflict(MessageKey.NO_ERASURE_PENDING);
        }
        apply(new ErasureCancelled(memberId, command.cancelledAt()));
    }

    @CommandHandler
    void handle(EraseMember command) {
        if (status != MemberStatus.ERASURE_PENDING) {
            throw RequestRejectedException.conflict(MessageKey.ERASURE_NOT_REQUESTED);
        }
        if (command.erasedAt().isBefore(erasureDueAt)) {
            throw RequestRejectedException.conflict(MessageKey.COOLING_OFF_NOT_PASSED);
        }
        retention.requireNoLegalHold();
        apply(new MemberErased(memberId, erasureRequestedAt, command.erasedAt(), ErasureCause.MEMBER_REQUEST));
    }

    /**
     * The erasure ledger outside the database says this member was erased; the database (restored from an older
     * backup) does not know it. The erasure happened and stands, legal hold or not: it is carried out again.
     */
    @CommandHandler
    void handle(ReapplyErasure command) {
        if (status == MemberStatus.ERASED) {
            return;
        }
        apply(new MemberErased(memberId, command.erasedAt(), command.reappliedAt(), ErasureCause.ERASURE_LEDGER));
    }

    @CommandHandler
    void handle(AssignMatchmaker command) {
        if (!Objects.equals(matchmakerId, command.matchmakerId())) {
            apply(new MatchmakerAssigned(memberId, command.matchmakerId(), command.assignedAt()));
        }
    }

    @CommandHandler
    void handle(VerifyIdNumber command) {
        if (!consents.given(ConsentPurpose.SENSITIVE_DATA)) {
            throw RequestRejectedException.badRequest(MessageKey.ID_NUMBER_NEEDS_CONSENT);
        }
        apply(new IdNumberVerified(memberId, command.maskedIdNumber(), command.verified(), command.verifiedAt()));
    }

    /**
     * An erased member refuses every command, whichever feature handles it, as if they had never existed; only an
     * erasure carried out again from the ledger goes through (it finds the member erased already and does nothing).
     * The interceptor of the root runs before the handlers of the features.
     */
    @CommandHandlerInterceptor
    void refuseOnceErased(Object command) {
        if (status == MemberStatus.ERASED && !(command instanceof ReapplyErasure)) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER);
        }
    }

    private static void requireSensitiveConsent(Profile profile, boolean sensitiveDataConsented) {
        if (profile.incomeBand() != null && !sensitiveDataConsented) {
            throw RequestRejectedException.badRequest(MessageKey.INCOME_NEEDS_CONSENT);
        }
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        profile = event.profile();
        status = MemberStatus.ACTIVE;
        acceptedPolicyVersion = event.acceptedPrivacyPolicyVersion();
    }

    @EventSourcingHandler
    void on(PrivacyPolicyAccepted event) {
        acceptedPolicyVersion = event.version();
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
    void on(ConsentWithdrawn event) {
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
