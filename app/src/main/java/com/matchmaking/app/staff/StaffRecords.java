package com.matchmaking.app.staff;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.staff.ConfidentialityAgreementRecorded;
import com.matchmaking.schema.staff.PrivacyTrainingRecorded;
import com.matchmaking.schema.staff.StaffCreated;
import com.matchmaking.schema.staff.StaffReinstated;
import com.matchmaking.schema.staff.StaffRolesChanged;
import com.matchmaking.schema.staff.StaffSuspended;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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

    private final EventStorageEngine events;

    StaffRecords(EventStorageEngine events) {
        this.events = events;
    }

    /** One staff account. */
    record StaffAccount(UUID staffId, String displayName, List<Role> roles, boolean suspended, String suspensionReason,
                        String agreementVersion, LocalDate agreementSignedOn, LocalDate trainingCompletedOn,
                        Instant createdAt) {
    }

    StaffAccount load(UUID staffId) {
        Fold fold = new Fold();
        events.readEvents(staffId.toString(), 0).asStream().map(DomainEventMessage::getPayload).forEach(fold::apply);
        if (fold.account == null) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_STAFF);
        }
        return fold.account;
    }

    private static final class Fold {
        private StaffAccount account;

        void apply(Object event) {
            if (event instanceof StaffCreated e) {
                account = new StaffAccount(e.staffId(), e.displayName(), e.roles().stream().sorted().toList(), false, null,
                        null, null, null, e.createdAt());
            } else if (event instanceof StaffRolesChanged e) {
                account = with(e.roles().stream().sorted().toList(), account.suspended(), account.suspensionReason(),
                        account.agreementVersion(), account.agreementSignedOn(), account.trainingCompletedOn());
            } else if (event instanceof StaffSuspended e) {
                account = with(account.roles(), true, e.reason().name(), account.agreementVersion(),
                        account.agreementSignedOn(), account.trainingCompletedOn());
            } else if (event instanceof StaffReinstated) {
                account = with(account.roles(), false, null, account.agreementVersion(), account.agreementSignedOn(),
                        account.trainingCompletedOn());
            } else if (event instanceof ConfidentialityAgreementRecorded e) {
                account = with(account.roles(), account.suspended(), account.suspensionReason(), e.version(), e.signedOn(),
                        account.trainingCompletedOn());
            } else if (event instanceof PrivacyTrainingRecorded e) {
                account = with(account.roles(), account.suspended(), account.suspensionReason(), account.agreementVersion(),
                        account.agreementSignedOn(), e.completedOn());
            }
        }

        private StaffAccount with(List<Role> roles, boolean suspended, String reason, String version, LocalDate signedOn,
                                  LocalDate trainedOn) {
            return new StaffAccount(account.staffId(), account.displayName(), roles, suspended, reason, version, signedOn,
                    trainedOn, account.createdAt());
        }
    }
}
