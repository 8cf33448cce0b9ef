package com.matchmaking.app.member;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.account.CredentialProperties;
import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.account.LoginNames;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.account.OneTimeCodes;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.mail.Mailer;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import com.matchmaking.schema.member.UpdateProfile;
import com.matchmaking.schema.purpose.Purpose;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A member's change of email, in two steps like registration, so that it tells nobody whether an address belongs to a
 * member and moves no login to an address its member cannot read. Asking for it answers alike whether the new address
 * is free or taken: for a free one the change waits, encrypted, and a one-time code goes to the new address; for a
 * taken one nothing is kept and the address's owner gets a notice instead. Either way a change waiting from before is
 * withdrawn (otherwise its code still working would tell a taken address from a free one). Only
 * {@code confirmEmailChange} with the code applies the change: the login moves to the new address, every token of
 * the member issued before dies (the login is a credential: a session elsewhere, perhaps a stolen one, ends with the
 * old login) and the old address is told.
 */
@Component
class EmailChanges {

    private static final Logger log = LoggerFactory.getLogger(EmailChanges.class);
    private static final OneTimeCodes.Purpose PURPOSE = OneTimeCodes.Purpose.CHANGE_EMAIL;

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final Logins logins;
    private final LoginNames loginNames;
    private final LoginAvailability availability;
    private final OneTimeCodes codes;
    private final Mailer mailer;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final CredentialProperties settings;
    private final Clock clock;

    EmailChanges(AuditedCommands commands, SubjectHistory history, Logins logins, LoginNames loginNames,
                 LoginAvailability availability, OneTimeCodes codes, Mailer mailer,
                 @Qualifier("eventSerializer") Serializer serializer, JdbcTemplate jdbc, CredentialProperties settings,
                 Clock clock) {
        this.commands = commands;
        this.history = history;
        this.logins = logins;
        this.loginNames = loginNames;
        this.availability = availability;
        this.codes = codes;
        this.mailer = mailer;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a change to a valid address; the member's answer does not depend on whether the address is taken. */
    void start(UUID memberId, String newEmail, Locale locale) {
        String current = currentEmail(memberId);
        if (current != null && LoginNames.normalise(current).equals(LoginNames.normalise(newEmail))) {
            return; // Their own address already: nothing to confirm.
        }
        Instant now = clock.instant();
        withdraw(memberId);
        log.info("Email change asked for by member {}", memberId);
        if (!availability.isAvailable(newEmail, memberId)) {
            mailer.send(newEmail, Mailer.Kind.CHANGE_TO_TAKEN_ADDRESS, locale);
            return;
        }
        String loginIndex = loginNames.indexOf(newEmail);
        SerializedObject<byte[]> payload = serializer.serialize(new PendingEmailChange(memberId, newEmail), byte[].class);
        jdbc.update("""
                INSERT INTO pending_email_change (member_id, login_index, payload_type, payload, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """, memberId, loginIndex, payload.getType().getName(), payload.getData(),
                Timestamp.from(now.plus(settings.codeTtl())));
        String code = codes.issue(PURPOSE, loginIndex, memberId, now);
        mailer.send(newEmail, Mailer.Kind.CONFIRM_EMAIL_CHANGE, locale, code, settings.codeTtl().toMinutes());
    }

    /**
     * Applies the member's waiting change if the code is theirs: the login moves to the new address and every token
     * issued before dies (the caller answers with a fresh one). A wrong code uses up an attempt and changes nothing.
     */
    void confirm(Actor actor, String code, Locale locale) {
        UUID memberId = actor.accountId();
        Instant now = clock.instant();
        List<String> waiting = jdbc.queryForList(
                "SELECT login_index FROM pending_email_change WHERE member_id = ? AND expires_at > ?", String.class,
                memberId, Timestamp.from(now));
        boolean redeemed = !waiting.isEmpty() && codes.redeem(PURPOSE, waiting.get(0), code, now)
                .filter(memberId::equals).isPresent();
        List<PendingEmailChange> change = !redeemed ? List.of() : jdbc.query(
                "DELETE FROM pending_email_change WHERE member_id = ? RETURNING payload_type, payload",
                (rs, i) -> (PendingEmailChange) serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(2),
                        byte[].class, rs.getString(1), null)), memberId);
        if (change.isEmpty() || change.get(0).email() == null) {
            throw RequestRejectedException.badRequest(MessageKey.CODE_INVALID);
        }
        String oldEmail = currentEmail(memberId);
        commands.send(new UpdateProfile(memberId, emailOnly(change.get(0).email()), now), actor, Purpose.EMAIL_CHANGE);
        logins.logout(memberId);
        log.info("Email change confirmed by member {}; their earlier tokens are revoked", memberId);
        if (oldEmail != null) {
            mailer.send(oldEmail, Mailer.Kind.EMAIL_CHANGED, locale);
        }
    }

    /** Withdraws the member's waiting change, if any, and its code. */
    private void withdraw(UUID memberId) {
        jdbc.update("DELETE FROM pending_email_change WHERE member_id = ?", memberId);
        codes.removeFor(PURPOSE, memberId);
    }

    private static ProfilePatch emailOnly(String email) {
        return new ProfilePatch(Set.of(ProfileField.EMAIL), new Profile(null, email, null, null, null, null, null, null,
                null, null, null, null, null));
    }

    /** The values of a patch without the new email, which only {@link #start} takes. */
    static Profile withoutEmail(Profile p) {
        return new Profile(p.fullName(), null, p.phone(), p.wechatId(), p.gender(), p.birthDate(), p.city(),
                p.maritalStatus(), p.education(), p.occupation(), p.heightCm(), p.incomeBand(), p.aboutMe());
    }

    /** Changes nobody confirmed in time are deleted with their codes. */
    @Scheduled(fixedDelayString = "${matchmaking.credentials.cleanup-interval:PT5M}",
            initialDelayString = "${matchmaking.credentials.cleanup-interval:PT5M}")
    void removeExpired() {
        Instant now = clock.instant();
        codes.removeExpired(PURPOSE, now);
        int removed = jdbc.update("DELETE FROM pending_email_change WHERE expires_at <= ?", Timestamp.from(now));
        if (removed > 0) {
            log.info("Removed {} unconfirmed email changes", removed);
        }
    }

    private String currentEmail(UUID memberId) {
        return history.read(memberId, MemberDetails.PROFILE)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER)).email();
    }
}
