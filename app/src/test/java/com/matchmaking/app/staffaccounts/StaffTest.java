package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.account.LoginAvailability;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.staff.ChangeStaffRoles;
import com.matchmaking.schema.staff.ConfidentialityAgreementRecorded;
import com.matchmaking.schema.staff.CreateStaff;
import com.matchmaking.schema.staff.PrivacyTrainingRecorded;
import com.matchmaking.schema.staff.RecordConfidentialityAgreement;
import com.matchmaking.schema.staff.RecordPrivacyTraining;
import com.matchmaking.schema.staff.ReinstateStaff;
import com.matchmaking.schema.staff.StaffCreated;
import com.matchmaking.schema.staff.StaffReinstated;
import com.matchmaking.schema.staff.StaffRolesChanged;
import com.matchmaking.schema.staff.StaffSuspended;
import com.matchmaking.schema.staff.SuspendStaff;
import com.matchmaking.schema.staff.SuspensionReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The staff aggregate's rules, given earlier events, when a command, then events or a rejection. */
class StaffTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final StaffCreated CREATED = new StaffCreated(ID, "li.wei", "Li Wei", "{bcrypt}hash",
            Set.of(Role.MATCHMAKER), T0);

    private final Set<String> taken = new HashSet<>();
    private FixtureConfiguration<Staff> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Staff.class);
        fixture.registerInjectableResource((LoginAvailability) (login, accountId) -> !taken.contains(login));
    }

    @Test
    void creatingStaffRecordsTheirLoginNameAndRoles() {
        fixture.givenNoPriorActivity()
                .when(new CreateStaff(ID, "li.wei", "Li Wei", "{bcrypt}hash", Set.of(Role.MATCHMAKER), T0))
                .expectEvents(CREATED);
    }

    @Test
    void aTakenUsernameIsAConflictAndMemberIsNoStaffRole() {
        taken.add("li.wei");
        fixture.givenNoPriorActivity()
                .when(new CreateStaff(ID, "li.wei", "Li Wei", "{bcrypt}hash", Set.of(Role.MATCHMAKER), T0))
                .expectNoEvents().expectExceptionMessage("This username is already taken");
        fixture.givenNoPriorActivity()
                .when(new CreateStaff(ID, "new.one", "New", "{bcrypt}hash", Set.of(Role.MEMBER), T0))
                .expectNoEvents().expectExceptionMessage("roles must name one or more staff roles, and not MEMBER");
    }

    @Test
    void rolesChangeOnlyWhenTheyDiffer() {
        fixture.given(CREATED).when(new ChangeStaffRoles(ID, Set.of(Role.MATCHMAKER), T0)).expectNoEvents();
        fixture.given(CREATED).when(new ChangeStaffRoles(ID, Set.of(Role.ANALYST, Role.COMPLIANCE), T0))
                .expectEvents(new StaffRolesChanged(ID, Set.of(Role.ANALYST, Role.COMPLIANCE), T0));
        fixture.given(CREATED).when(new ChangeStaffRoles(ID, Set.of(), T0))
                .expectNoEvents().expectExceptionMessage("roles must name one or more staff roles, and not MEMBER");
    }

    @Test
    void suspensionAndReinstatementHappenOnceEach() {
        fixture.given(CREATED).when(new SuspendStaff(ID, SuspensionReason.RISK_ALERT, T0))
                .expectEvents(new StaffSuspended(ID, SuspensionReason.RISK_ALERT, T0));
        fixture.given(CREATED, new StaffSuspended(ID, SuspensionReason.RISK_ALERT, T0))
                .when(new SuspendStaff(ID, SuspensionReason.ADMINISTRATOR, T0)).expectNoEvents();
        fixture.given(CREATED, new StaffSuspended(ID, SuspensionReason.ADMINISTRATOR, T0))
                .when(new ReinstateStaff(ID, T0)).expectEvents(new StaffReinstated(ID, T0));
        fixture.given(CREATED).when(new ReinstateStaff(ID, T0)).expectNoEvents();
    }

    /** An administrator who would let a flagged account back in before compliance has looked at the alert. */
    @Test
    void anAdministratorCannotLiftASuspensionARiskAlertImposed() {
        fixture.given(CREATED, new StaffSuspended(ID, SuspensionReason.RISK_ALERT, T0))
                .when(new ReinstateStaff(ID, T0.plusSeconds(60))).expectNoEvents()
                .expectException(com.matchmaking.app.problem.RequestRejectedException.class)
                .expectExceptionMessage("This account was suspended by a risk alert; only the review of the alert by "
                        + "compliance lifts it");
    }

    @Test
    void agreementsAndTrainingAreRecordedWithTheirDates() {
        LocalDate signed = LocalDate.of(2026, 11, 1);
        fixture.given(CREATED).when(new RecordConfidentialityAgreement(ID, "CA-2026", signed, T0))
                .expectEvents(new ConfidentialityAgreementRecorded(ID, "CA-2026", signed, T0));
        fixture.given(CREATED).when(new RecordConfidentialityAgreement(ID, " ", signed, T0))
                .expectNoEvents().expectExceptionMessage("version is required");
        fixture.given(CREATED).when(new RecordPrivacyTraining(ID, signed, T0))
                .expectEvents(new PrivacyTrainingRecorded(ID, signed, T0));
    }

    @Test
    void liftingARiskSuspensionReinstatesOnlyAnAccountARiskAlertSuspended() {
        fixture.given(CREATED, new StaffSuspended(ID, SuspensionReason.RISK_ALERT, T0))
                .when(new com.matchmaking.schema.staff.LiftRiskSuspension(ID, T0.plusSeconds(60)))
                .expectEvents(new StaffReinstated(ID, T0.plusSeconds(60)));
        fixture.given(CREATED, new StaffSuspended(ID, SuspensionReason.ADMINISTRATOR, T0))
                .when(new com.matchmaking.schema.staff.LiftRiskSuspension(ID, T0.plusSeconds(60)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(CREATED)
                .when(new com.matchmaking.schema.staff.LiftRiskSuspension(ID, T0.plusSeconds(60)))
                .expectNoEvents();
    }
}
