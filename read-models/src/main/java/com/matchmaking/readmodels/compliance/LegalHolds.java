package com.matchmaking.readmodels.compliance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Reads the members under a legal hold. */
@Component
public class LegalHolds {

    private final JdbcTemplate jdbc;

    public LegalHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Members under a hold, the longest-standing first. */
    public List<UUID> members(int limit) {
        return jdbc.queryForList("SELECT member_id FROM legal_hold ORDER BY placed_at, member_id LIMIT ?", UUID.class, limit);
    }
}
