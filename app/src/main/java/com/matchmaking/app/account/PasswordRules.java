package com.matchmaking.app.account;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Violations;

import java.nio.charset.StandardCharsets;

/**
 * What a password must be, wherever one is set (registration, staff accounts, the bootstrap administrator, a change,
 * a reset). bcrypt reads at most 72 bytes, and Spring Security refuses longer input with an exception rather than
 * cut it silently, so a longer password is refused here with a clear message instead of failing deep inside.
 */
public final class PasswordRules {

    /** bcrypt's limit, in bytes of UTF-8: a Chinese character takes three. */
    public static final int MAX_BYTES = 72;
    /** Members' passwords; staff need {@link #STAFF_MIN_CHARACTERS}. */
    public static final int MIN_CHARACTERS = 10;
    public static final int STAFF_MIN_CHARACTERS = 12;

    private PasswordRules() {
    }

    /** Checks the password, naming the field in each message; never the value. */
    public static void check(Violations violations, String field, String password, int minCharacters) {
        violations.check(password != null && !password.isBlank()
                        && password.codePointCount(0, password.length()) >= minCharacters,
                MessageKey.LENGTH_AT_LEAST, field, minCharacters);
        violations.check(password == null || fitsBcrypt(password),
                MessageKey.PASSWORD_TOO_LONG, field, MAX_BYTES);
    }

    /** Refuses the password with a BAD_REQUEST naming the field. */
    public static void require(String field, String password, int minCharacters) {
        Violations violations = new Violations();
        check(violations, field, password, minCharacters);
        violations.throwIfAny();
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
