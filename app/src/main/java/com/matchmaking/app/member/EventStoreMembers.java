package com.matchmaking.app.member;

import com.matchmaking.app.availability.KnownMembers;
import com.matchmaking.keys.vault.SubjectKeyVault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Knows a member by their stream in the event log and their keys, so it never waits for a read model to catch up. */
@Component
class EventStoreMembers implements KnownMembers {

    private final JdbcTemplate jdbc;
    private final SubjectKeyVault vault;

    EventStoreMembers(JdbcTemplate jdbc, SubjectKeyVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public boolean isMember(UUID memberId) {
        Boolean registered = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? AND type = 'Member')",
                Boolean.class, memberId.toString());
        return Boolean.TRUE.equals(registered) && !vault.isErased(memberId);
    }
}
