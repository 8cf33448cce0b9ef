package com.matchmaking.keys.vault;

import com.matchmaking.keys.kek.KekProvider;
import com.matchmaking.keys.testing.KeysDatabase;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.keys.testing.Vaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eviction notices cannot stop silently: two vaults on one real database stand for two nodes; the listener of one
 * has its PostgreSQL session killed ({@code pg_terminate_backend}) and cannot reconnect for a while. Meanwhile an
 * erasure on the other node is still honoured within the short fallback time-to-live (the cache's own is five
 * minutes), and once the database is reachable again the listener listens again and notices flow.
 */
class KeyEvictionListenerTest {

    private static final Duration FALLBACK_TTL = Duration.ofSeconds(1);

    private static TestPostgres.Database database;
    private static KekProvider kek;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        database = KeysDatabase.migrated("keys_eviction");
        kek = Vaults.freshKek();
        jdbc = new JdbcTemplate(database.dataSource());
    }

    @Test
    void whileTheListenerIsCutOffAnErasureElsewhereIsHonouredWithinTheFallbackTimeToLive() {
        AtomicBoolean reachable = new AtomicBoolean(true);
        SubjectKeyVault here = new SubjectKeyVault(database.dataSource(), kek,
                new KeyCacheSettings(1000, Duration.ofMinutes(5), FALLBACK_TTL), Clock.systemUTC());
        SubjectKeyVault elsewhere = Vaults.vault(database.dataSource(), kek);
        UUID subject = UUID.randomUUID();
        elsewhere.writeKeys(subject, Set.of("profile"));

        try (KeyEvictionListener listener = new KeyEvictionListener(() -> {
            if (!reachable.get()) {
                throw new SQLException("The database cannot be reached (test)", "08001");
            }
            return DriverManager.getConnection(database.url(), database.username(), database.password());
        }, here, Duration.ofMillis(50), Duration.ofMillis(200)).start()) {
            await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
            assertThat(here.evictionNoticesHeard()).isTrue();
            assertThat(here.isErased(subject)).as("cached here for the full five minutes").isFalse();
            int pid = listener.backendPid();

            reachable.set(false);
            assertThat(jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> !listener.isListening());
            assertThat(here.evictionNoticesHeard()).isFalse();
            assertThat(here.isErased(subject)).as("cached again, briefly").isFalse();

            elsewhere.erase(subject);
            long erasedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> here.isErased(subject));
            assertThat(Duration.ofNanos(System.nanoTime() - erasedAt))
                    .as("the erasure elsewhere is honoured here within the fallback time-to-live")
                    .isLessThan(FALLBACK_TTL.plusMillis(500));
            assertThat(listener.isListening()).as("still cut off: the short time-to-live did it").isFalse();

            reachable.set(true);
            await().atMost(Duration.ofSeconds(15)).until(listener::isListening);
            assertThat(listener.backendPid()).isNotEqualTo(pid);
            assertThat(listener.reconnects()).isOne();
            assertThat(here.evictionNoticesHeard()).isTrue();

            UUID other = UUID.randomUUID();
            elsewhere.writeKeys(other, Set.of("profile"));
            assertThat(here.isErased(other)).isFalse();
            elsewhere.erase(other);
            await().atMost(Duration.ofSeconds(3)).until(() -> here.isErased(other));
        }
    }
}
