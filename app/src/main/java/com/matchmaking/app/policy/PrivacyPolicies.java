package com.matchmaking.app.policy;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.policy.PrivacyPolicyPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The published versions of the privacy policy; the last one published is current. Kept in the same transaction as
 * the publication (a subscribing processor), so a new version gates members from the very next request. Until a
 * version is published (the configured one is, at start-up) the configured version counts as current.
 */
@Component
@InCommandTransaction("A newly published version gates members from the very next request")
@ProcessingGroup(PrivacyPolicies.GROUP)
public class PrivacyPolicies {

    static final String GROUP = "privacy-policy";

    /** One published version. */
    public record Version(String version, String text, Instant publishedAt) {
    }

    private static final RowMapper<Version> VERSION = (rs, i) -> new Version(rs.getString("version"), rs.getString("text"),
            rs.getTimestamp("published_at").toInstant());

    private final JdbcTemplate jdbc;
    private final MatchmakingProperties properties;

    PrivacyPolicies(JdbcTemplate jdbc, MatchmakingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventHandler
    void on(PrivacyPolicyPublished event) {
        jdbc.update("INSERT INTO privacy_policy_version (version, text, published_at) VALUES (?, ?, ?) ON CONFLICT (version) DO NOTHING",
                event.version(), event.text(), Timestamp.from(event.publishedAt()));
    }

    /** The current version: the last published, or the configured one before anything is published. */
    public Version current() {
        return jdbc.query("SELECT * FROM privacy_policy_version ORDER BY seq DESC LIMIT 1", VERSION).stream().findFirst()
                .orElseGet(() -> new Version(properties.privacyPolicy().version(), properties.privacyPolicy().text(), null));
    }

    public String currentVersion() {
        return current().version();
    }

    /** Every published version, newest first. */
    public List<Version> all() {
        return jdbc.query("SELECT * FROM privacy_policy_version ORDER BY seq DESC", VERSION);
    }

    public Optional<Version> find(String version) {
        return jdbc.query("SELECT * FROM privacy_policy_version WHERE version = ?", VERSION, version).stream().findFirst();
    }
}
