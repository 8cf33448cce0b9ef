package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.support.LogCapture;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.Staffing;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The bootstrap administrator's configured password sits in an environment variable or a file: whoever reads it must
 * not get an administrator. It must be changed at the first login, and nothing else is open until then. A configured
 * password bcrypt cannot take is reported in one clear line at start-up.
 *
 * <p>The first class in {@link IsolatedIntegrationTest}'s application: nobody has logged in as the administrator yet.
 */
@Order(1)
class BootstrapAdministratorTest extends IsolatedIntegrationTest {

    @Autowired
    MatchmakingProperties properties;
    @Autowired
    LoginAvailability logins;
    @Autowired
    AuditedCommands commands;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void theConfiguredPasswordMustBeChangedBeforeAnythingElse() {
        @SuppressWarnings("unchecked")
        Map<String, Object> first = api().anonymous().documentName("login").variable("username", Staffing.ADMIN_USERNAME)
                .variable("password", Staffing.ADMIN_PASSWORD).execute().path("login").entity(Map.class).get();
        assertThat(first).containsEntry("mustChangePassword", true);
        String token = (String) first.get("token");

        assertForbidden(api().as(token).documentName("createStaff").variable("input", Map.of("username", "early.staff",
                "password", "a password long enough", "displayName", "Early", "roles", List.of("ANALYST"))).execute());
        assertForbidden(api().as(token).documentName("staffAccounts").execute());
        assertForbidden(api().as(token).documentName("logout").execute());

        @SuppressWarnings("unchecked")
        Map<String, Object> changed = api().as(token).documentName("changePassword").variable("currentPassword", Staffing.ADMIN_PASSWORD)
                .variable("newPassword", Staffing.ADMIN_CHANGED_PASSWORD).execute().path("changePassword")
                .entity(Map.class).get();
        assertThat(changed).containsEntry("mustChangePassword", false);
        api().as((String) changed.get("token")).documentName("staffAccounts").execute().path("staffAccounts").hasValue();
        assertThat(errorOf(api().as(token).documentName("staffAccounts").execute())).startsWith("UNAUTHORIZED");
        assertThat(errorOf(api().anonymous().documentName("login").variable("username", Staffing.ADMIN_USERNAME)
                .variable("password", Staffing.ADMIN_PASSWORD).execute())).startsWith("UNAUTHORIZED");
        assertThat(Staffing.adminLogin(api())).isNotBlank();
    }

    @Test
    void aConfiguredPasswordLongerThanBcryptTakesIsOneClearLineAndNoAdministrator() {
        String tooLong = "管理员的密码实在是太长了太长了太长了太长了太长了太长了太长"; // 25 characters, 75 bytes
        MatchmakingProperties configured = new MatchmakingProperties(properties.dataDir(), properties.ledgerDir(), properties.encryption(),
                properties.erasure(), properties.auth(), properties.privacyPolicy(), properties.staff(),
                new MatchmakingProperties.BootstrapAdmin("second-admin", tooLong, "Second"));
        BootstrapAdministrator bootstrap = new BootstrapAdministrator(configured, logins, commands, passwords, clock);

        try (LogCapture log = LogCapture.attach()) {
            assertThatCode(() -> bootstrap.run(null)).doesNotThrowAnyException();
            assertThat(log.linesContaining("bootstrap administrator was not created")).singleElement()
                    .satisfies(line -> assertThat(line).contains("72 bytes").doesNotContain(tooLong));
        }
        assertThat(logins.isAvailable("second-admin", UUID.randomUUID())).as("nobody was created").isTrue();
    }

    private static void assertForbidden(GraphQlTester.Response response) {
        assertThat(errorOf(response)).isEqualTo("FORBIDDEN: Change the configured password with changePassword first");
    }

    private static String errorOf(GraphQlTester.Response response) {
        List<String> found = new ArrayList<>();
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            found.add(errors.get(0).getErrorType() + ": " + errors.get(0).getMessage());
        });
        return found.get(0);
    }
}
