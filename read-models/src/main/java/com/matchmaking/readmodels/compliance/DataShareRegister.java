package com.matchmaking.readmodels.compliance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the register of third-party shares. */
@Component
public class DataShareRegister {

    /** One share: whose, and when it was asked for. */
    public record Entry(UUID shareId, UUID memberId, Instant requestedAt) {
    }

    private final JdbcTemplate jdbc;

    public DataShareRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The member whose data a share concerns. */
    public Optional<UUID> memberOf(UUID shareId) {
        return jdbc.queryForList("SELECT member_id FROM data_share WHERE share_id = ?", UUID.class, shareId).stream().findFirst();
    }

    /** Shares requested between from and to (either may be null), in request order. */
    public List<Entry> between(Instant from, Instant to, int limit) {
        return jdbc.query("""
                SELECT share_id, member_id, requested_at FROM data_share
                WHERE requested_at >= coalesce(?::timestamptz, '-infinity'::timestamptz) AND requested_at <= coalesce(?::timestamptz, 'infinity'::timestamptz)
                ORDER BY requested_at, share_id LIMIT ?
                """, (rs, i) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant()),
                from == null ? null : Timestamp.from(from), to == null ? null : Timestamp.from(to), limit);
    }
}
