package com.matchmaking.readmodels.staff;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads the staff directory for administrators. */
@Component
public class StaffDirectory {

    /** One staff account as administrators see it. */
    public record StaffEntry(UUID staffId, String displayName, List<String> roles, boolean suspended, String suspensionReason,
                             String agreementVersion, LocalDate agreementSignedOn, LocalDate trainingCompletedOn,
                             Instant createdAt) {
    }

    private static final RowMapper<StaffEntry> ENTRY = (rs, i) -> new StaffEntry(
            rs.getObject("staff_id", UUID.class), rs.getString("display_name"),
            Arrays.asList((String[]) rs.getArray("roles").getArray()), rs.getBoolean("suspended"),
            rs.getString("suspension_reason"), rs.getString("agreement_version"),
            rs.getDate("agreement_signed_on") == null ? null : rs.getDate("agreement_signed_on").toLocalDate(),
            rs.getDate("training_completed_on") == null ? null : rs.getDate("training_completed_on").toLocalDate(),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public StaffDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StaffEntry> all() {
        return jdbc.query("SELECT * FROM staff_directory ORDER BY created_at, staff_id", ENTRY);
    }
}
