package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.staff.CreateStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Creates the first administrator from configuration at start-up, if that login does not exist yet. They must change
 * the configured password at their first login (it sits in an environment variable or a file). A password that is
 * not acceptable (too short, or longer than bcrypt's 72 bytes) is reported in one line and no administrator is made. Several nodes
 * starting at once race harmlessly: the login's uniqueness lets one through.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final MatchmakingProperties properties;
    private final LoginAvailability logins;
    private final AuditedCommands commands;
    private final PasswordEncoder passwords;
    private final Clock clock;

    BootstrapAdministrator(MatchmakingProperties properties, LoginAvailability logins, AuditedCommands commands,
                           PasswordEncoder passwords, Clock clock) {
        this.properties = properties;
        this.logins = logins;
        this.commands = commands;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        MatchmakingProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (!StringUtils.hasText(admin.username()) || !StringUtils.hasText(admin.password())) {
            log.info("No bootstrap administrator configured (MATCHMAKING_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD)");
            return;
        }
        StaffInputs.ValidStaff valid;
        try {
            valid = StaffInputs.validate(new StaffInputs.CreateStaffInput(admin.username(),
                    admin.password(), admin.displayName(), java.util.List.of(Role.ADMIN)));
        } catch (RequestRejectedException invalid) {
            // One line that says what to fix, instead of a stack of exceptions; the message names fields, not values.
            log.error("The bootstrap administrator was not created: MATCHMAKING_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD are "
                    + "not acceptable ({})", invalid.getMessage());
            return;
        }
        UUID staffId = UUID.randomUUID();
        if (!logins.isAvailable(valid.username(), staffId)) {
            return;
        }
        try {
            commands.sendAsSystem(new CreateStaff(staffId, valid.username(), valid.displayName(),
                    passwords.encode(valid.password()), Set.of(Role.ADMIN), clock.instant()), Purpose.BOOTSTRAP_ADMINISTRATOR);
            log.info("Created the bootstrap administrator {}", staffId);
        } catch (RequestRejectedException alreadyThere) {
            log.info("The bootstrap administrator already exists");
        }
    }
}
