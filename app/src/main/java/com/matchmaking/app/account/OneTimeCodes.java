package com.matchmaking.app.account;

import com.matchmaking.app.secrets.ServiceSecrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time codes sent by mail. Stored as an HMAC only (keyed with a service secret, salted with the code's id), found
 * by the address's login blind index, never by the address. A code expires, works once, and every wrong guess at an
 * address uses up an attempt of each live code for it, so guesses at an address are bounded however many codes it
 * has. Eight random digits: a guesser with five attempts has five chances in a hundred million.
 */
@Component
public class OneTimeCodes {

    /** What a code is for; a code of one purpose never redeems another. */
    public enum Purpose {
        CONFIRM_EMAIL, RESET_PASSWORD,
        /** A member's new address, before their login moves to it. */
        CHANGE_EMAIL
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET = "one-time-codes";

    private final JdbcTemplate jdbc;
    private final ServiceSecrets secrets;
    private final CredentialProperties settings;

    OneTimeCodes(JdbcTemplate jdbc, ServiceSecrets secrets, CredentialProperties settings) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.settings = settings;
    }

    /** A fresh code for the subject (a pending registration, an account), found later by the address's index. */
    public String issue(Purpose purpose, String loginIndex, UUID subjectId, Instant now) {
        if (purpose == Purpose.RESET_PASSWORD || purpose == Purpose.CHANGE_EMAIL) {
            // One live reset (or email change) code per account: asking again replaces it.
            jdbc.update("DELETE FROM one_time_code WHERE purpose = ? AND subject_id = ?", purpose.name(), subjectId);
        }
        String code = String.format("%08d", RANDOM.nextInt(100_000_000));
        UUID codeId = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO one_time_code (code_id, purpose, login_index, subject_id, code_hash, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, codeId, purpose.name(), loginIndex, subjectId, hash(codeId, code),
                Timestamp.from(now.plus(settings.codeTtl())));
        return code;
    }

    /**
     * The subject of the live code of that purpose for the address, if the code is right; the code is then spent.
     * Every call uses up an attempt of every live code for the address, right or wrong.
     */
    public Optional<UUID> redeem(Purpose purpose, String loginIndex, String code, Instant now) {
        record Live(UUID codeId, UUID subjectId, String codeHash) {
        }
        List<Live> live = jdbc.query("""
                UPDATE one_time_code SET attempts = attempts + 1
                WHERE purpose = ? AND login_index = ? AND expires_at > ? AND attempts < ?
                RETURNING code_id, subject_id, code_hash
                """, (rs, i) -> new Live(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                purpose.name(), loginIndex, Timestamp.from(now), settings.codeAttempts());
        String given = code == null ? "" : code.strip();
        for (Live candidate : live) {
            boolean right = MessageDigest.isEqual(hash(candidate.codeId(), given).getBytes(StandardCharsets.US_ASCII),
                    candidate.codeHash().getBytes(StandardCharsets.US_ASCII));
            if (right && jdbc.update("DELETE FROM one_time_code WHERE code_id = ?", candidate.codeId()) == 1) {
                return Optional.of(candidate.subjectId());
            }
        }
        return Optional.empty();
    }

    /** Removes expired codes; returns the subjects of the expired ones of that purpose. */
    public List<UUID> removeExpired(Purpose purpose, Instant now) {
        List<UUID> subjects = jdbc.queryForList(
                "DELETE FROM one_time_code WHERE purpose = ? AND expires_at <= ? RETURNING subject_id", UUID.class,
                purpose.name(), Timestamp.from(now));
        jdbc.update("DELETE FROM one_time_code WHERE expires_at <= ?", Timestamp.from(now));
        return subjects;
    }

    /** Forgets every code of the subject (it was confirmed, erased or reset). */
    public void removeFor(UUID subjectId) {
        jdbc.update("DELETE FROM one_time_code WHERE subject_id = ?", subjectId);
    }

    /** Forgets the subject's codes of one purpose (a pending email change was replaced or withdrawn). */
    public void removeFor(Purpose purpose, UUID subjectId) {
        jdbc.update("DELETE FROM one_time_code WHERE purpose = ? AND subject_id = ?", purpose.name(), subjectId);
    }

    private String hash(UUID codeId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret(SECRET, 32), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((codeId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
