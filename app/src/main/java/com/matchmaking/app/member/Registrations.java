package com.matchmaking.app.member;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.account.CredentialProperties;
import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.account.LoginNames;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.account.OneTimeCodes;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.mail.Mailer;
import com.matchmaking.app.member.MemberInputs.RegisterMemberInput;
import com.matchmaking.app.member.MemberInputs.ValidRegistration;
import com.matchmaking.app.policy.PrivacyNotices;
import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.member.RegisterMember;
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
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Registration in two steps, so that nobody learns from it whether an address is registered, and nobody becomes a
 * member with an address they cannot read. {@code registerMember} validates, hashes the password and answers a
 * pending id whether the address is new or taken: for a new one it keeps the registration encrypted and mails a
 * one-time code; for a taken one it keeps nothing and mails the address's owner a notice instead. Only
 * {@code confirmEmail} with that code registers the member (the pending id becomes the member id), so until then
 * there is no account to log in to. Several pending registrations of one address may wait side by side (someone else
 * cannot block an address by registering it first): the first confirmed wins, the others can never be.
 */
@Component
class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final AuditedCommands commands;
    private final PrivacyNotices notices;
    private final Logins logins;
    private final LoginNames loginNames;
    private final LoginAvailability availability;
    private final OneTimeCodes codes;
    private final Mailer mailer;
    private final Serializer serializer;
    private final SubjectKeyVault vault;
    private final JdbcTemplate jdbc;
    private final CredentialProperties settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Registrations(AuditedCommands commands, PrivacyNotices notices, Logins logins, LoginNames loginNames,
                  LoginAvailability availability, OneTimeCodes codes, Mailer mailer,
                  @Qualifier("eventSerializer") Serializer serializer, SubjectKeyVault vault, JdbcTemplate jdbc,
                  CredentialProperties settings, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.commands = commands;
        this.notices = notices;
        this.logins = logins;
        this.loginNames = loginNames;
        this.availability = availability;
        this.codes = codes;
        this.mailer = mailer;
        this.serializer = serializer;
        this.vault = vault;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a registration; the answer is the same kind of pending id whether the address is new or taken. */
    UUID register(RegisterMemberInput input, Locale locale) {
        // The policy as this member was shown it: its language and the hash of its exact text are recorded.
        PrivacyNotices.Rendered shown = notices.current(Languages.chosen(input.acceptedPrivacyPolicyLanguage(), locale));
        String currentPolicy = shown.version();
        ValidRegistration valid = MemberInputs.registration(input, currentPolicy, clock);
        String hashShown = input.acceptedPrivacyPolicyTextHash();
        if (hashShown != null && !hashShown.strip().equals(shown.textHash())) {
            throw RequestRejectedException.conflict(MessageKey.POLICY_TEXT_CHANGED);
        }
        UUID pendingId = UUID.randomUUID();
        Instant now = clock.instant();
        // Hashed on both paths: the slow hash is most of a registration's time, so a taken address does not answer faster.
        String passwordHash = logins.hash(valid.password());
        String email = valid.profile().email();
        if (!availability.isAvailable(email, pendingId)) {
            mailer.send(email, Mailer.Kind.ADDRESS_TAKEN, locale);
            return pendingId;
        }
        SerializedObject<byte[]> payload = serializer.serialize(new PendingRegistration(pendingId, valid.profile(),
                passwordHash, currentPolicy, valid.consents(), shown.language(), shown.textHash()), byte[].class);
        jdbc.update("INSERT INTO pending_registration (pending_id, payload_type, payload, expires_at) VALUES (?, ?, ?, ?)",
                pendingId, payload.getType().getName(), payload.getData(), Timestamp.from(now.plus(settings.codeTtl())));
        String code = codes.issue(OneTimeCodes.Purpose.CONFIRM_EMAIL, loginNames.indexOf(email), pendingId, now);
        mailer.send(email, Mailer.Kind.CONFIRM_EMAIL, locale, code, settings.codeTtl().toMinutes());
        return pendingId;
    }

    /** Registers the member of the pending registration the code belongs to; their id is the pending id. */
    UUID confirm(String email, String code) {
        Instant now = clock.instant();
        UUID pendingId = codes.redeem(OneTimeCodes.Purpose.CONFIRM_EMAIL, loginNames.indexOf(email == null ? "" : email),
                        code, now)
                .orElseThrow(() -> new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.CODE_INVALID));
        List<PendingRegistration> pending = jdbc.query(
                "DELETE FROM pending_registration WHERE pending_id = ? RETURNING payload_type, payload",
                (rs, i) -> (PendingRegistration) serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(2),
                        byte[].class, rs.getString(1), null)), pendingId);
        if (pending.isEmpty()) {
            throw new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.CODE_INVALID);
        }
        PendingRegistration registration = pending.get(0);
        try {
            commands.send(new RegisterMember(pendingId, registration.profile(), registration.passwordHash(),
                    registration.acceptedPrivacyPolicyVersion(), registration.consents(), now,
                    registration.acceptedPrivacyPolicyLanguage(), registration.acceptedPrivacyPolicyTextHash()),
                    Actor.member(pendingId), Purpose.REGISTRATION);
        } catch (RequestRejectedException refused) {
            // Another registration of the address was confirmed first: this one can never be, so its keys go now.
            transactions.executeWithoutResult(status -> vault.erase(pendingId));
            throw refused;
        }
        log.info("Registration {} confirmed", pendingId);
        return pendingId;
    }

    /** Unconfirmed registrations that ran out: deleted, and their keys destroyed, so nothing of them can be read again. */
    @Scheduled(fixedDelayString = "${matchmaking.credentials.cleanup-interval:PT5M}",
            initialDelayString = "${matchmaking.credentials.cleanup-interval:PT5M}")
    void removeExpired() {
        Instant now = clock.instant();
        codes.removeExpired(OneTimeCodes.Purpose.CONFIRM_EMAIL, now);
        List<UUID> expired = transactions.execute(status -> {
            List<UUID> gone = jdbc.queryForList(
                    "DELETE FROM pending_registration WHERE expires_at <= ? RETURNING pending_id", UUID.class,
                    Timestamp.from(now));
            gone.forEach(vault::erase);
            return gone;
        });
        if (expired != null && !expired.isEmpty()) {
            log.info("Removed {} unconfirmed registrations", expired.size());
        }
    }
}
