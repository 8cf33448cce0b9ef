package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.staff.ChangeStaffRoles;
import com.matchmaking.schema.staff.ConfidentialityAgreementRecorded;
import com.matchmaking.schema.staff.CreateStaff;
import com.matchmaking.schema.staff.LiftRiskSuspension;
import com.matchmaking.schema.staff.SuspensionReason;
import com.matchmaking.schema.staff.PrivacyTrainingRecorded;
import com.matchmaking.schema.staff.RecordConfidentialityAgreement;
import com.matchmaking.schema.staff.RecordPrivacyTraining;
import com.matchmaking.schema.staff.ReinstateStaff;
import com.matchmaking.schema.staff.StaffCreated;
import com.matchmaking.schema.staff.StaffReinstated;
import com.matchmaking.schema.staff.StaffRolesChanged;
import com.matchmaking.schema.staff.StaffSuspended;
import com.matchmaking.schema.staff.SuspendStaff;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A staff account: roles, suspension, and the agreement and training that open members' personal data to it. */
@Aggregate
class Staff {

    @AggregateIdentifier
    @DataSubjectId
    private UUID staffId;
    @NotPersonal("roles of a fixed list")
    private Set<Role> roles = new HashSet<>();
    @NotPersonal
    private boolean suspended;
    @NotPersonal
    private SuspensionReason suspensionReason;

    protected Staff() {
        // For Axon.
    }

    @CommandHandler
    Staff(CreateStaff command, LoginAvailability logins) {
        requireStaffRoles(command.roles());
        if (!logins.isAvailable(command.username(), command.staffId())) {
            throw RequestRejectedException.conflict(MessageKey.USERNAME_TAKEN);
        }
        apply(new StaffCreated(command.staffId(), command.username(), command.displayName(), command.passwordHash(),
                command.roles(), command.createdAt()));
    }

    @CommandHandler
    void handle(ChangeStaffRoles command) {
        requireStaffRoles(command.roles());
        if (!roles.equals(command.roles())) {
            apply(new StaffRolesChanged(staffId, command.roles(), command.changedAt()));
        }
    }

    @CommandHandler
    void handle(SuspendStaff command) {
        if (!suspended) {
            apply(new StaffSuspended(staffId, command.reason(), command.suspendedAt()));
        }
    }

    /**
     * An administrator lifts only their own kind of suspension. One a risk alert imposed is lifted by compliance's
     * review of the alert alone, so an administrator who is the account's accomplice, or its owner's friend, cannot
     * skip that review.
     */
    @CommandHandler
    void handle(ReinstateStaff command) {
        if (suspended && suspensionReason == SuspensionReason.RISK_ALERT) {
            throw RequestRejectedException.conflict(MessageKey.REINSTATE_RISK_SUSPENSION);
        }
        if (suspended) {
            apply(new StaffReinstated(staffId, command.reinstatedAt()));
        }
    }

    @CommandHandler
    void handle(LiftRiskSuspension command) {
        if (suspended && suspensionReason == SuspensionReason.RISK_ALERT) {
            apply(new StaffReinstated(staffId, command.reinstatedAt()));
        }
    }

    @CommandHandler
    void handle(RecordConfidentialityAgreement command) {
        if (command.version() == null || command.version().isBlank()) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "version");
        }
        apply(new ConfidentialityAgreementRecorded(staffId, command.version(), command.signedOn(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RecordPrivacyTraining command) {
        apply(new PrivacyTrainingRecorded(staffId, command.completedOn(), command.recordedAt()));
    }

    private static void requireStaffRoles(Set<Role> roles) {
        if (roles.isEmpty() || roles.contains(Role.MEMBER)) {
            throw RequestRejectedException.badRequest(MessageKey.ROLES_STAFF_ONLY);
        }
    }

    @EventSourcingHandler
    void on(StaffCreated event) {
        staffId = event.staffId();
        roles = new HashSet<>(event.roles());
    }

    @EventSourcingHandler
    void on(StaffRolesChanged event) {
        roles = new HashSet<>(event.roles());
    }

    @EventSourcingHandler
    void on(StaffSuspended event) {
        suspended = true;
        suspensionReason = event.reason();
    }

    @EventSourcingHandler
    void on(StaffReinstated event) {
        suspended = false;
        suspensionReason = null;
    }
}
