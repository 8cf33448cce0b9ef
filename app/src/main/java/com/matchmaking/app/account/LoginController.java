package com.matchmaking.app.account;

import com.matchmaking.app.mail.Mailer;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.RequestRejectedException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Logging in and out, and the password's life cycle: change, and reset by a code sent by mail. */
@Controller
class LoginController {

    private final Logins logins;
    private final LoginNames loginNames;
    private final OneTimeCodes codes;
    private final Mailer mailer;
    private final CredentialProperties settings;
    private final Clock clock;

    LoginController(Logins logins, LoginNames loginNames, OneTimeCodes codes, Mailer mailer, CredentialProperties settings,
                    Clock clock) {
        this.logins = logins;
        this.loginNames = loginNames;
        this.codes = codes;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    @MutationMapping
    Logins.Session login(@Argument String username, @Argument String password) {
        return logins.login(username, password);
    }

    @MutationMapping
    Logins.Session changePassword(@Argument String currentPassword, @Argument String newPassword,
                                  @ContextValue Actor actor) {
        return logins.changePassword(actor.accountId(), currentPassword, newPassword);
    }

    @MutationMapping
    boolean logout(@ContextValue Actor actor) {
        logins.logout(actor.accountId());
        return true;
    }

    /**
     * Always answers true: whether the address has an account shows only in its mailbox, which receives a code when
     * it does. The mail leaves on a thread of its own, so the answer takes as long either way.
     */
    @MutationMapping
    boolean requestPasswordReset(@Argument String email, Locale locale) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return true;
        }
        String loginIndex = loginNames.indexOf(email);
        Optional<UUID> account = logins.memberAccountOf(loginIndex);
        if (account.isPresent()) {
            String code = codes.issue(OneTimeCodes.Purpose.RESET_PASSWORD, loginIndex, account.get(), clock.instant());
            mailer.send(email.strip(), Mailer.Kind.PASSWORD_RESET, locale, code, settings.codeTtl().toMinutes());
        }
        return true;
    }

    @MutationMapping
    Logins.Session resetPassword(@Argument String email, @Argument String code, @Argument String newPassword) {
        PasswordRules.require("newPassword", newPassword, PasswordRules.MIN_CHARACTERS);
        Instant now = clock.instant();
        UUID accountId = codes.redeem(OneTimeCodes.Purpose.RESET_PASSWORD, loginNames.indexOf(email == null ? "" : email),
                        code, now)
                .orElseThrow(() -> new RequestRejectedException(Classification.UNAUTHORIZED, MessageKey.CODE_INVALID));
        return logins.resetPassword(accountId, newPassword);
    }
}
