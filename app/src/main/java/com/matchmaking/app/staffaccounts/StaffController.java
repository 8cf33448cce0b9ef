package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.problem.Violations;
import com.matchmaking.readmodels.staff.StaffDirectory;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.staff.ChangeStaffRoles;
import com.matchmaking.schema.staff.CreateStaff;
import com.matchmaking.schema.staff.RecordConfidentialityAgreement;
import com.matchmaking.schema.staff.RecordPrivacyTraining;
import com.matchmaking.schema.staff.ReinstateStaff;
import com.matchmaking.schema.staff.SuspendStaff;
import com.matchmaking.schema.staff.SuspensionReason;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Administrators manage staff accounts: create them, change roles, suspend and reinstate, record agreements and training. */
@Controller
class StaffController {

    private final AuditedCommands commands;
    private final StaffRecords records;
    private final StaffDirectory directory;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffController(AuditedCommands commands, StaffRecords records, StaffDirectory directory, PasswordEncoder passwords,
                    Clock clock) {
        this.commands = commands;
        this.records = records;
        this.directory = directory;
        this.passwords = passwords;
        this.clock = clock;
    }

    @QueryMapping
    List<StaffDirectory.StaffEntry> staffAccounts() {
        return directory.all();
    }

    @MutationMapping
    StaffRecords.StaffAccount createStaff(@Argument StaffInputs.CreateStaffInput input, @ContextValue Actor actor) {
        StaffInputs.ValidStaff valid = StaffInputs.validate(input);
        UUID staffId = UUID.randomUUID();
        commands.send(new CreateStaff(staffId, valid.username(), valid.displayName(), passwords.encode(valid.password()),
                new HashSet<>(valid.roles()), clock.instant()), actor, Purpose.STAFF_ADMINISTRATION);
        return records.load(staffId);
    }

    @MutationMapping
    StaffRecords.StaffAccount changeStaffRoles(@Argument UUID staffId, @Argument List<Role> roles, @ContextValue Actor actor) {
        Violations violations = new Violations();
        StaffInputs.roles(violations, roles);
        violations.throwIfAny();
        if (staffId.equals(actor.accountId()) && !roles.contains(Role.ADMIN)) {
            throw RequestRejectedException.conflict(MessageKey.ADMIN_OWN_ROLE);
        }
        requireSomeoneElse(staffId, actor, MessageKey.ADMIN_OWN_ROLES);
        commands.send(new ChangeStaffRoles(staffId, new HashSet<>(roles), clock.instant()), actor, Purpose.STAFF_ADMINISTRATION);
        return records.load(staffId);
    }

    /**
     * Four eyes on what opens members' data: an administrator who could give their own account a role, a signed
     * agreement or current training could clear themselves for any member's data without anyone else noticing.
     */
    private static void requireSomeoneElse(UUID staffId, Actor actor, MessageKey what) {
        if (actor.accountId().equals(staffId)) {
            throw RequestRejectedException.forbidden(what);
        }
    }

    @MutationMapping
    StaffRecords.StaffAccount suspendStaff(@Argument UUID staffId, @ContextValue Actor actor) {
        if (staffId.equals(actor.accountId())) {
            throw RequestRejectedException.conflict(MessageKey.ADMIN_SUSPEND_SELF);
        }
        commands.send(new SuspendStaff(staffId, SuspensionReason.ADMINISTRATOR, clock.instant()), actor, Purpose.STAFF_ADMINISTRATION);
        return records.load(staffId);
    }

    @MutationMapping
    StaffRecords.StaffAccount reinstateStaff(@Argument UUID staffId, @ContextValue Actor actor) {
        commands.send(new ReinstateStaff(staffId, clock.instant()), actor, Purpose.STAFF_ADMINISTRATION);
        return records.load(staffId);
    }

    @MutationMapping
    StaffRecords.StaffAccount recordConfidentialityAgreement(@Argument UUID staffId, @Argument String version,
                                                             @Argument LocalDate signedOn, @ContextValue Actor actor) {
        Violations violations = new Violations();
        violations.check(version != null && !version.isBlank() && version.length() <= 40,
                MessageKey.LENGTH_BETWEEN, "version", 1, 40);
        StaffInputs.date(violations, "signedOn", signedOn, clock);
        violations.throwIfAny();
        requireSomeoneElse(staffId, actor, MessageKey.ADMIN_OWN_AGREEMENT);
        commands.send(new RecordConfidentialityAgreement(staffId, version.strip(), signedOn, clock.instant()), actor,
                Purpose.STAFF_ADMINISTRATION);
        return records.load(staffId);
    }

    @MutationMapping
    StaffRecords.StaffAccount recordPrivacyTraining(@Argument UUID staffId, @Argument LocalDate completedOn,
                                                    @ContextValue Actor actor) {
        Violations violations = new Violations();
        StaffInputs.date(violations, "completedOn", completedOn, clock);
        violations.throwIfAny();
        requireSomeoneElse(staffId, actor, MessageKey.ADMIN_OWN_TRAINING);
        commands.send(new RecordPrivacyTraining(staffId, completedOn, clock.instant()), actor, Purpose.STAFF_ADMINISTRATION);
        return records.load(staffId);
    }
}
