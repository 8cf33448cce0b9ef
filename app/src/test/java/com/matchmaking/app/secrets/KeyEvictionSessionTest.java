package com.matchmaking.app.secrets;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.vault.KeyEvictionListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Killing the key-eviction listener's database session (as an operator or a failover would) costs no ordinary request:
 * the listener holds a connection of its own, outside the pool, so no dead connection goes back to the pool; and it
 * listens again on a new session.
 */
class KeyEvictionSessionTest extends IntegrationTest {

    @Autowired
    private KeyEvictionListener listener;

    @Test
    void killingTheListenersSessionFailsNoRequestAndTheListenerComesBack() {
        await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
        long reconnectsBefore = listener.reconnects();
        Integer killed = jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND (application_name = 'key-eviction-listener' OR query LIKE 'LISTEN%')) AS t""", Integer.class);
        assertThat(killed).as("the listener's session").isOne();

        for (int i = 0; i < 10; i++) {
            Api.Registered member = api().register(TestMembers.fresh());
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("city", "Session-" + i))
                    .execute().path("updateMyProfile.city").entity(String.class).isEqualTo("Session-" + i);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.isListening() && listener.reconnects() > reconnectsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'key-eviction-listener'", Integer.class)).as("listening on a session of its own")
                .isOne();
    }
}
