package com.matchmaking.keys.vault;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * Keeps this node's key cache honest when another node erases a subject or destroys a key group: the database
 * functions announce every such change on {@link SubjectKeyVault#EVICTION_CHANNEL} when their transaction commits,
 * and this listener evicts the subject here.
 *
 * <p>While the listening connection is down, notices can be missed, so after every reconnect the whole cache is
 * dropped; the cache's time-to-live bounds how long a missed notice could matter at all.
 */
public final class KeyEvictionListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeyEvictionListener.class);

    private final DataSource dataSource;
    private final SubjectKeyVault vault;
    private final Duration pollInterval;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    public KeyEvictionListener(DataSource dataSource, SubjectKeyVault vault, Duration pollInterval) {
        this.dataSource = dataSource;
        this.vault = vault;
        this.pollInterval = pollInterval;
        this.thread = new Thread(this::run, "key-eviction-listener");
        this.thread.setDaemon(true);
    }

    public KeyEvictionListener start() {
        thread.start();
        return this;
    }

    /** Whether the listening connection is currently established. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + SubjectKeyVault.EVICTION_CHANNEL);
                }
                vault.evictAll();
                listening = true;
                backoff = Duration.ofMillis(200);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) pollInterval.toMillis());
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        evict(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    break;
                }
                log.warn("Key eviction listener lost its connection ({}); retrying in {} ms", e.getClass().getSimpleName(),
                        backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
        listening = false;
    }

    private void evict(String payload) {
        try {
            vault.evict(UUID.fromString(payload));
        } catch (IllegalArgumentException malformed) {
            vault.evictAll();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(pollInterval.toMillis() * 2 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
