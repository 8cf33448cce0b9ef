package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.account.PasswordRules;
import com.matchmaking.app.problem.Violations;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.text.FreeText.Kind;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The GraphQL inputs of staff administration and their rules. */
final class StaffInputs {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    private StaffInputs() {
    }

    record CreateStaffInput(String username, String password, String displayName, List<Role> roles) {
    }

    /** A staff account to create, validated. */
    record ValidStaff(String username, String password, String displayName, List<Role> roles) {
    }

    static ValidStaff validate(CreateStaffInput in) {
        Violations violations = new Violations();
        String username = in.username() == null ? "" : Normalizer.normalize(in.username().strip(), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        violations.check(USERNAME.matcher(username).matches(), MessageKey.USERNAME_FORMAT);
        PasswordRules.check(violations, "password", in.password(), PasswordRules.STAFF_MIN_CHARACTERS);
        String displayName = FreeTextInput.required(Kind.STAFF_DISPLAY_NAME, in.displayName(), "displayName", violations);
        roles(violations, in.roles());
        violations.throwIfAny();
        return new ValidStaff(username, in.password(), displayName, List.copyOf(in.roles()));
    }

    static void roles(Violations violations, List<Role> roles) {
        violations.check(roles != null && !roles.isEmpty() && !roles.contains(Role.MEMBER),
                MessageKey.ROLES_STAFF_ONLY);
    }

    static void date(Violations violations, String field, LocalDate date, Clock clock) {
        violations.check(date != null && !date.isAfter(LocalDate.now(clock)), MessageKey.DATE_NOT_FUTURE, field);
    }
}
