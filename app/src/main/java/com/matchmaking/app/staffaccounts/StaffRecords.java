package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.staff.ConfidentialityAgreementRecorded;
import com.matchmaking.schema.staff.PrivacyTrainingRecorded;
import com.matchmaking.schema.staff.StaffCreated;
import com.matchmaking.schema.staff.StaffReinstated;
import com.matchmaking.schema.staff.StaffRolesChanged;
import com.matchmaking.schema.staff.StaffSuspended;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A staff account as its own events tell it, decrypted on the spot: what an administrator's mutation answers with,
 * consistent at once (the staff directory read model catches up a moment later).
 */
@Component
class StaffRecords {

    private final SubjectHistory history;

    StaffRecords(SubjectHistory history) {
        this.history = history;
    }

    /** One staff account. */
    record StaffAccount(UUID staffId, String displayName, List<Role> roles, boolean suspended, String suspensionReason,
                        String agreementVersion, LocalDate agreementSignedOn, LocalDate trainingCompletedOn,
                        Instant createdAt) {

        private StaffAccount with(List<Role> roles, boolean suspended, String reason, String version,
                                  LocalDate signedOn, LocalDate trainedOn) {
            return new StaffAccount(staffId, displayName, roles, suspended, reason, version, signedOn, trainedOn,
                    createdAt);
        }
    }

    private static final HistoryView<StaffAccount> ACCOUNT = HistoryView
            .startingWith(() -> (StaffAccount) null)
            .identifiedBy(StaffCreated.class)
            .on(StaffCreated.class, (a, e) -> new StaffAccount(e.staffId(), e.displayName(),
                    e.roles().stream().sorted().toList(), false, null, null, null, null, e.createdAt()))
            .on(StaffRolesChanged.class, (a, e) -> a.with(e.roles().stream().sorted().toList(), a.suspended(),
                    a.suspensionReason(), a.agreementVersion(), a.agreementSignedOn(), a.trainingCompletedOn()))
            .on(StaffSuspended.class, (a, e) -> a.with(a.roles(), true, e.reason().name(), a.agreementVersion(),
                    a.agreementSignedOn(), a.trainingCompletedOn()))
            .on(StaffReinstated.class, (a, e) -> a.with(a.roles(), false, null, a.agreementVersion(),
                    a.agreementSignedOn(), a.trainingCompletedOn()))
            .on(ConfidentialityAgreementRecorded.class, (a, e) -> a.with(a.roles(), a.suspended(),
                    a.suspensionReason(), e.version(), e.signedOn(), a.trainingCompletedOn()))
            .on(PrivacyTrainingRecorded.class, (a, e) -> a.with(a.roles(), a.suspended(), a.suspensionReason(),
                    a.agreementVersion(), a.agreementSignedOn(), e.completedOn()))
            .build(a -> a);

    StaffAccount load(UUID staffId) {
        return history.read(staffId, ACCOUNT)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_STAFF));
    }
}
