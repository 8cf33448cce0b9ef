package com.matchmaking.readmodels.introduction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the introduction listing: ids, answers, status, outcome and times, never anything personal. */
@Component
public class Introductions {

    /** One introduction as listed. A member id is null once that member was erased. */
    public record Listed(UUID introductionId, UUID memberA, UUID memberB, boolean erasedA, boolean erasedB,
                         UUID matchmakerId, String status, String responseA, String responseB, String outcome,
                         Instant proposedAt, Instant confirmedAt, Instant closedAt) {

        public boolean involves(UUID memberId) {
            return memberId.equals(memberA) || memberId.equals(memberB);
        }
    }

    private static final String COLUMNS = """
            introduction_id, member_a, member_b, erased_a, erased_b, matchmaker_id, status, response_a, response_b,
            outcome, proposed_at, confirmed_at, closed_at""";
    private static final RowMapper<Listed> ROW = (rs, i) -> new Listed(rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBoolean(4), rs.getBoolean(5),
            rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)));

    private final JdbcTemplate jdbc;

    public Introductions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Listed> find(UUID introductionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM introduction WHERE introduction_id = ?", ROW, introductionId)
                .stream().findFirst();
    }

    /** A member's introductions, newest first. */
    public List<Listed> ofMember(UUID memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM introduction WHERE member_a = ? OR member_b = ?"
                + " ORDER BY proposed_at DESC, introduction_id", ROW, memberId, memberId);
    }

    /** Whether the two were ever introduced, in either order. */
    public boolean introducedBefore(UUID memberA, UUID memberB) {
        Boolean found = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM introduction
                               WHERE (member_a = ? AND member_b = ?) OR (member_a = ? AND member_b = ?))
                """, Boolean.class, memberA, memberB, memberB, memberA);
        return Boolean.TRUE.equals(found);
    }

    /**
     * Locks the member's row until the end of the current transaction (creating it on first use) and counts the
     * introductions proposed for them from {@code since} on. Called in the transaction that stores the proposal, so a
     * concurrent proposal for the same member waits here and then counts this one.
     */
    public int lockAndCountProposalsSince(UUID memberId, Instant since) {
        jdbc.update("INSERT INTO introduction_member_lock (member_id) VALUES (?) ON CONFLICT (member_id) DO NOTHING",
                memberId);
        jdbc.queryForList("SELECT member_id FROM introduction_member_lock WHERE member_id = ? FOR UPDATE", UUID.class,
                memberId);
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM introduction WHERE (member_a = ? OR member_b = ?) AND proposed_at > ?
                """, Integer.class, memberId, memberId, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
