package com.matchmaking.readmodels.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads of the matching tables, shared by the candidate pool and the final re-check of every result. */
@Component
class MatchingStore {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String COLUMNS = "p.member_id, p.gender, p.birth_date, p.city, p.education, p.height_cm, "
            + "p.marital_status, p.preferences, p.personalised, p.paused, p.suspended";

    private static final RowMapper<MatchProfile> PROFILE = MatchingStore::profile;

    private final JdbcTemplate jdbc;

    MatchingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record State(long revision, long removals) {
    }

    State state() {
        return jdbc.queryForObject("SELECT revision, removals FROM matching_state WHERE id = 1",
                (rs, i) -> new State(rs.getLong(1), rs.getLong(2)));
    }

    Optional<MatchProfile> load(UUID memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM matching_profile p WHERE p.member_id = ?", PROFILE, memberId)
                .stream().findFirst();
    }

    List<MatchProfile> load(Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(
                    "SELECT " + COLUMNS + " FROM matching_profile p WHERE p.member_id = ANY (?)");
            Array ids = con.createArrayOf("uuid", memberIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, PROFILE);
    }

    /** A profile as of a revision: what the row held when its member's revision was that one. */
    record Versioned(MatchProfile profile, long revision) {
    }

    /**
     * Profiles changed after the revision (all of them from 0), in no particular order, each with its member's current
     * revision, read in the same statement as the row.
     */
    List<Versioned> changedSince(long revision) {
        return jdbc.query("SELECT " + COLUMNS + ", s.revision FROM matching_sync s "
                + "JOIN matching_profile p ON p.member_id = s.member_id WHERE s.revision > ?",
                (rs, row) -> new Versioned(profile(rs, row), rs.getLong("revision")), revision);
    }

    /**
     * The current revision of each of these members that is still in the read model. Every change of a profile row
     * takes a new revision in the same transaction, and erasure deletes both rows, so an unchanged revision means an
     * unchanged row and a missing one a member gone.
     */
    Map<UUID, Long> revisions(Collection<UUID> memberIds) {
        Map<UUID, Long> revisions = new HashMap<>();
        if (memberIds.isEmpty()) {
            return revisions;
        }
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(
                    "SELECT member_id, revision FROM matching_sync WHERE member_id = ANY (?)");
            statement.setArray(1, con.createArrayOf("uuid", memberIds.toArray()));
            return statement;
        }, rs -> {
            revisions.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return revisions;
    }

    Set<UUID> memberIds() {
        return new HashSet<>(jdbc.queryForList("SELECT member_id FROM matching_profile", UUID.class));
    }

    /** Everyone never to be suggested to the member, or the member to them. */
    Set<UUID> exclusions(UUID memberId) {
        return new HashSet<>(jdbc.queryForList("SELECT other_id FROM matching_exclusion WHERE member_id = ?", UUID.class,
                memberId));
    }

    static String json(PartnerPreferences preferences) {
        try {
            return preferences == null ? null : JSON.writeValueAsString(preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Preferences could not be written as JSON", e);
        }
    }

    private static MatchProfile profile(ResultSet rs, int row) throws SQLException {
        Date birth = rs.getDate("birth_date");
        Integer height = rs.getObject("height_cm", Integer.class);
        String city = rs.getString("city");
        return new MatchProfile(rs.getObject("member_id", UUID.class),
                value(Gender.class, rs.getString("gender")),
                birth == null ? null : birth.toLocalDate(),
                city == null ? null : city.intern(),
                value(Education.class, rs.getString("education")),
                height,
                value(MaritalStatus.class, rs.getString("marital_status")),
                preferences(rs.getString("preferences")),
                rs.getBoolean("personalised"), rs.getBoolean("paused"), rs.getBoolean("suspended"));
    }

    private static PartnerPreferences preferences(String json) {
        if (json == null) {
            return PartnerPreferences.NONE;
        }
        try {
            return JSON.readValue(json, PartnerPreferences.class);
        } catch (JsonProcessingException e) {
            // The message would quote the stored preferences: keep it out.
            throw new IllegalStateException("Stored preferences could not be read");
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
