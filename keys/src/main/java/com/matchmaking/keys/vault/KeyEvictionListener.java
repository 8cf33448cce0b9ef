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
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;

/**
 * Keeps this node's key cache honest when another node erases a subject or destroys a key group: the database
 * functions announce every such change on {@link SubjectKeyVault#EVICTION_CHANNEL} when their transaction commits,
 * and this listener evicts the subject here.
 *
 * <p>Notices cannot stop silently. A connection that dies loudly (its backend terminated) fails the next wait for
 * notices; one that dies quietly (a half-open socket) fails the periodic check, a {@code SELECT 1} every
 * {@code checkInterval} under a network timeout. While the listener is not listening, from its start until its first
 * {@code LISTEN} and from every failure until the reconnect, the vault drops its cache and keeps keyrings only for its
 * short fallback time-to-live ({@link SubjectKeyVault#evictionNoticesLost()}); after every reconnect the whole cache is
 * dropped again, for the notices missed meanwhile.
 *
 * <p>The listener should hold a connection of its own, not one of the application's pool
 * ({@link #KeyEvictionListener(ConnectionOpener, SubjectKeyVault, Duration, Duration)}). When it is given a pooled
 * {@link DataSource} instead, a failed connection is used once more through the pool's own wrapper before it is
 * closed, so the pool sees it fail and discards it rather than handing a dead connection to the next request.
 */
public final class KeyEvictionListener implements AutoCloseable {

    /** Opens the listener's connection. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(KeyEvictionListener.class);

    private final ConnectionOpener connections;
    private final SubjectKeyVault vault;
    private final Duration pollInterval;
    private final Duration checkInterval;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile int backendPid;
    private final AtomicLong reconnects = new AtomicLong();

    /** A listener on connections of the given (pooled) data source, checked every five seconds. */
    public KeyEvictionListener(DataSource dataSource, SubjectKeyVault vault, Duration pollInterval) {
        this(dataSource::getConnection, vault, pollInterval, Duration.ofSeconds(5));
    }

    /**
     * @param connections   opens the listener's own connection (reopened after every failure)
     * @param pollInterval  how long one wait for notices lasts
     * @param checkInterval how often the connection is checked with a query
     */
    public KeyEvictionListener(ConnectionOpener connections, SubjectKeyVault vault, Duration pollInterval,
                               Duration checkInterval) {
        this.connections = connections;
        this.vault = vault;
        this.pollInterval = pollInterval;
        this.checkInterval = checkInterval;
        this.thread = new Thread(this::run, "key-eviction-listener");
        this.thread.setDaemon(true);
    }

    public KeyEvictionListener start() {
        vault.evictionNoticesLost();
        thread.start();
        return this;
    }

    /** Whether the listening connection is currently established. */
    public boolean isListening() {
        return listening;
    }

    /** The PostgreSQL backend process of the listening connection (0 while not listening), for diagnostics. */
    public int backendPid() {
        return listening ? backendPid : 0;
    }

    /** How many times the listener has connected again after losing its connection. */
    public long reconnects() {
        return reconnects.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        boolean connectedBefore = false;
        while (running) {
            Connection connection = null;
            try {
                connection = connections.open();
                connection.setAutoCommit(true);
                int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(pollInterval.toMillis(), checkInterval.toMillis()) * 2 + 1000);
                connection.setNetworkTimeout(Runnable::run, timeout);
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + SubjectKeyVault.EVICTION_CHANNEL);
                }
                backendPid = pg.getBackendPID();
                vault.evictionNoticesRestored();
                listening = true;
                if (connectedBefore) {
                    reconnects.incrementAndGet();
                    log.info("Key eviction listener listening again");
                }
                connectedBefore = true;
                backoff = Duration.ofMillis(200);
                long nextCheck = System.nanoTime() + checkInterval.toNanos();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) pollInterval.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            evict(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - nextCheck >= 0) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        nextCheck = System.nanoTime() + checkInterval.toNanos();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    vault.evictionNoticesLost();
                }
                listening = false;
                if (!running) {
                    break;
                }
                log.warn("Key eviction listener lost its connection ({}); the key cache falls back to its short "
                        + "time-to-live; retrying in {} ms", e.getClass().getSimpleName(), backoff.toMillis());
                discard(connection);
                connection = null;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            } finally {
                close(connection);
            }
        }
        listening = false;
    }

    /**
     * Closes a connection that failed. Through a pool's wrapper, a statement on it fails with a connection error the
     * pool recognises, so the pool discards it instead of taking it back.
     */
    private static void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException | RuntimeException expected) {
            // The pool has now seen the failure.
        }
        close(connection);
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // Gone already.
        }
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
            thread.join(Math.max(pollInterval.toMillis(), checkInterval.toMillis()) * 2 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
