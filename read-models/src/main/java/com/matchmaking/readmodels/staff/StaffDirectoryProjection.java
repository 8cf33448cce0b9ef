package com.matchmaking.readmodels.staff;

import com.matchmaking.schema.staff.ConfidentialityAgreementRecorded;
import com.matchmaking.schema.staff.PrivacyTrainingRecorded;
import com.matchmaking.schema.staff.StaffCreated;
import com.matchmaking.schema.staff.StaffReinstated;
import com.matchmaking.schema.staff.StaffRolesChanged;
import com.matchmaking.schema.staff.StaffSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;

/** The administrators' read model: staff accounts with their roles, suspension, agreement and training. */
@Component
@ProcessingGroup(StaffDirectoryProjection.GROUP)
public class StaffDirectoryProjection {

    public static final String GROUP = "staff-directory";

    private final JdbcTemplate jdbc;

    public StaffDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffCreated event) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO staff_directory (staff_id, display_name, roles, suspended, created_at)
                    VALUES (?, ?, ?, FALSE, ?)
                    """);
            statement.setObject(1, event.staffId());
            statement.setString(2, event.displayName() == null ? "[erased]" : event.displayName());
            statement.setArray(3, connection.createArrayOf("text", event.roles().stream().map(Enum::name).sorted().toArray()));
            statement.setTimestamp(4, Timestamp.from(event.createdAt()));
            return statement;
        });
    }

    @EventHandler
    void on(StaffRolesChanged event) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("UPDATE staff_directory SET roles = ? WHERE staff_id = ?");
            statement.setArray(1, connection.createArrayOf("text", event.roles().stream().map(Enum::name).sorted().toArray()));
            statement.setObject(2, event.staffId());
            return statement;
        });
    }

    @EventHandler
    void on(StaffSuspended event) {
        jdbc.update("UPDATE staff_directory SET suspended = TRUE, suspension_reason = ? WHERE staff_id = ?",
                event.reason().name(), event.staffId());
    }

    @EventHandler
    void on(StaffReinstated event) {
        jdbc.update("UPDATE staff_directory SET suspended = FALSE, suspension_reason = NULL WHERE staff_id = ?", event.staffId());
    }

    @EventHandler
    void on(ConfidentialityAgreementRecorded event) {
        jdbc.update("UPDATE staff_directory SET agreement_version = ?, agreement_signed_on = ? WHERE staff_id = ?",
                event.version(), Date.valueOf(event.signedOn()), event.staffId());
    }

    @EventHandler
    void on(PrivacyTrainingRecorded event) {
        jdbc.update("UPDATE staff_directory SET training_completed_on = ? WHERE staff_id = ?",
                Date.valueOf(event.completedOn()), event.staffId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM staff_directory");
    }
}
