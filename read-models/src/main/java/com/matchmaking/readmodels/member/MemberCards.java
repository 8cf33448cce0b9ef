package com.matchmaking.readmodels.member;

import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the staff audiences' member cards: page by page in registration order with an opaque cursor, and one at a
 * time. A matchmaker gets full cards of the members assigned to them and pool cards (gender, age, city, education)
 * of unassigned members; members assigned to someone else are not theirs to see.
 */
@Component
public class MemberCards {

    /** The most cards one page may hold. */
    public static final int MAX_PAGE_SIZE = 50;

    private final JdbcTemplate jdbc;

    public MemberCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A card as one audience sees it; {@code null} where the audience sees nothing. */
    public record Card(Audience audience, UUID memberId, String maskedName, String maskedPhone, String maskedEmail,
                       String maskedWechat, Boolean idVerified, LocalDate birthDate, Integer birthYear, String gender,
                       String city, String education, Integer heightCm, String maritalStatus, String occupation,
                       String incomeBand, String aboutMe, String preferences, String status, Instant registeredAt) {
    }

    /** Which of a matchmaker's members to list. */
    public enum MatchmakerScope { ASSIGNED, POOL }

    /** Optional narrowing of a list. */
    public record Filter(String city, String gender, String status) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    /** One page, and the cursor of the next if there is one. */
    public record Page(List<Card> cards, String nextCursor) {
    }

    private static final RowMapper<Card> MATCHMAKER_FULL = (rs, i) -> new Card(Audience.MATCHMAKER_ASSIGNED,
            rs.getObject("member_id", UUID.class), rs.getString("masked_name"), rs.getString("masked_phone"),
            rs.getString("masked_email"), rs.getString("masked_wechat"), rs.getBoolean("id_verified"),
            date(rs.getDate("birth_date")), null, rs.getString("gender"), rs.getString("city"), rs.getString("education"),
            (Integer) rs.getObject("height_cm"), rs.getString("marital_status"), rs.getString("occupation"),
            rs.getString("income_band"), rs.getString("about_me"), rs.getString("preferences"), rs.getString("status"),
            rs.getTimestamp("registered_at").toInstant());

    private static final RowMapper<Card> MATCHMAKER_POOL = (rs, i) -> new Card(Audience.MATCHMAKER_POOL,
            rs.getObject("member_id", UUID.class), null, null, null, null, null, date(rs.getDate("birth_date")), null,
            rs.getString("gender"), rs.getString("city"), rs.getString("education"), null, null, null, null, null, null,
            rs.getString("status"), rs.getTimestamp("registered_at").toInstant());

    private static final RowMapper<Card> SERVICE = (rs, i) -> new Card(Audience.CUSTOMER_SERVICE,
            rs.getObject("member_id", UUID.class), rs.getString("masked_name"), rs.getString("masked_phone"),
            rs.getString("masked_email"), rs.getString("masked_wechat"), rs.getBoolean("id_verified"), null,
            (Integer) rs.getObject("birth_year"), null, rs.getString("city"), null, null, null, null, null, null, null,
            rs.getString("status"), rs.getTimestamp("registered_at").toInstant());

    private static final String POOL_COLUMNS = "member_id, birth_date, gender, city, education, status, registered_at";

    public Page forMatchmaker(UUID matchmakerId, MatchmakerScope scope, Filter filter, int first, String after) {
        Query query = scope == MatchmakerScope.ASSIGNED
                ? new Query("SELECT * FROM matchmaker_member_card WHERE matchmaker_id = ?", MATCHMAKER_FULL).bind(matchmakerId)
                : new Query("SELECT " + POOL_COLUMNS + " FROM matchmaker_member_card WHERE matchmaker_id IS NULL", MATCHMAKER_POOL);
        query.filter("gender", filter.gender());
        return page(query.filter("city", filter.city()).filter("status", filter.status()), first, after);
    }

    public Page forCustomerService(Filter filter, int first, String after) {
        Query query = new Query("SELECT * FROM service_member_card WHERE TRUE", SERVICE);
        if (filter.gender() != null) {
            // Customer service sees no gender: a filter on it would leak it one query at a time.
            return new Page(List.of(), null);
        }
        return page(query.filter("city", filter.city()).filter("status", filter.status()), first, after);
    }

    /** One member's card as a matchmaker may see it, if at all. */
    public Optional<Card> matchmakerCard(UUID matchmakerId, UUID memberId) {
        List<Optional<UUID>> owner = jdbc.query("SELECT matchmaker_id FROM matchmaker_member_card WHERE member_id = ?",
                (rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class)), memberId);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (owner.get(0).isEmpty()) {
            return jdbc.query("SELECT " + POOL_COLUMNS + " FROM matchmaker_member_card WHERE member_id = ?", MATCHMAKER_POOL,
                    memberId).stream().findFirst();
        }
        if (!owner.get(0).get().equals(matchmakerId)) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM matchmaker_member_card WHERE member_id = ?", MATCHMAKER_FULL, memberId).stream()
                .findFirst();
    }

    /** Whether the member is assigned to this matchmaker. */
    public boolean isAssigned(UUID matchmakerId, UUID memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM matchmaker_member_card WHERE member_id = ? AND matchmaker_id = ?)",
                Boolean.class, memberId, matchmakerId));
    }

    /** Which of the members are assigned to this matchmaker, in one query. */
    public java.util.Set<UUID> assignedAmong(UUID matchmakerId, java.util.Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.queryForList(
                "SELECT member_id FROM matchmaker_member_card WHERE matchmaker_id = ? AND member_id = ANY (?)", UUID.class,
                matchmakerId, memberIds.toArray(UUID[]::new)));
    }

    public Optional<Card> serviceCard(UUID memberId) {
        return jdbc.query("SELECT * FROM service_member_card WHERE member_id = ?", SERVICE, memberId).stream().findFirst();
    }

    private Page page(Query query, int first, String after) {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (after != null) {
            Cursor cursor = Cursor.decode(after);
            query.where("(registered_at, member_id) > (?, ?)", Timestamp.from(cursor.registeredAt()), cursor.memberId());
        }
        List<Card> rows = query.fetch(jdbc, first + 1);
        if (rows.size() <= first) {
            return new Page(rows, null);
        }
        List<Card> page = rows.subList(0, first);
        Card last = page.get(first - 1);
        return new Page(List.copyOf(page), new Cursor(last.registeredAt(), last.memberId()).encode());
    }

    /** Where a page ends: no personal data, just the ordering keys, opaque to clients. */
    record Cursor(Instant registeredAt, UUID memberId) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((registeredAt + "|" + memberId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("after is not a cursor this service issued");
            }
        }
    }

    /** A SELECT grown by bound conditions only; column names are constants of this class, never input. */
    @SuppressFBWarnings(value = "SQL_INJECTION_SPRING_JDBC",
            justification = "The SQL text is assembled from constants of this class only; every value is a bind parameter.")
    private static final class Query {
        private final StringBuilder sql;
        private final RowMapper<Card> mapper;
        private final List<Object> arguments = new ArrayList<>();

        Query(String select, RowMapper<Card> mapper) {
            this.sql = new StringBuilder(select);
            this.mapper = mapper;
        }

        Query bind(Object argument) {
            arguments.add(argument);
            return this;
        }

        Query filter(String column, String value) {
            return value == null ? this : where(column + " = ?", value);
        }

        Query where(String condition, Object... values) {
            sql.append(" AND ").append(condition);
            arguments.addAll(List.of(values));
            return this;
        }

        List<Card> fetch(JdbcTemplate jdbc, int limit) {
            sql.append(" ORDER BY registered_at, member_id LIMIT ?");
            arguments.add(limit);
            return jdbc.query(sql.toString(), mapper, arguments.toArray());
        }
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
