package com.matchmaking.readmodels.projection;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The writes of a projection, gathered over the whole batch an event processor hands it (one unit of work, one
 * transaction) and sent when the batch commits: statements of the same SQL go to PostgreSQL as one JDBC batch, so a
 * batch of a hundred events costs a handful of round trips instead of several hundred.
 *
 * <p>Every statement names the members (or other rows' owners) whose rows it touches. A statement may be sent ahead
 * of earlier statements of other SQL only when none of those touch the same member, so each member's rows see their
 * statements in the order the events came. Statements that touch no member's rows in particular must not be buffered.
 *
 * <p>Outside a unit of work (nothing batches) every statement runs at once.
 */
@Component
@SuppressFBWarnings(value = "SQL_INJECTION_SPRING_JDBC",
        justification = "Every statement is a constant of the projection that buffers it; every value is a bind parameter.")
public class BatchedWrites {

    private static final String RESOURCE = BatchedWrites.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final RefusedWrites refused;

    public BatchedWrites(JdbcTemplate jdbc, Optional<RefusedWrites> refused) {
        this.jdbc = jdbc;
        this.refused = refused.orElse(null);
    }

    /** Buffers an insert, update or delete of the rows of one member. */
    public void update(UUID member, String sql, Object... arguments) {
        update(Set.of(member), sql, arguments);
    }

    /** Buffers an insert, update or delete of the rows of two members (a pair). */
    public void update(UUID member, UUID other, String sql, Object... arguments) {
        update(member.equals(other) ? Set.of(member) : Set.of(member, other), sql, arguments);
    }

    /** Buffers an insert, update or delete of the rows of these members. */
    public void update(Collection<UUID> members, String sql, Object... arguments) {
        Batch batch = current();
        if (batch == null) {
            jdbc.update(sql, arguments);
        } else {
            batch.add(Set.copyOf(members), sql, arguments, currentEvent());
        }
    }

    /**
     * Drops what the given event buffered in the current batch: an event that goes to the dead-letter queue leaves none
     * of its writes behind, so that retrying it later applies it once. Writes that already reached the database (a
     * projection writing directly) are not covered.
     */
    public void discard(String eventIdentifier) {
        if (CurrentUnitOfWork.isStarted()) {
            Batch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                batch.discard(eventIdentifier);
            }
        }
    }

    /**
     * Takes a PostgreSQL advisory lock on each member before the batch's statements are sent, held to the commit:
     * exclusive for a writer whose statements must not interleave with others' about that member (an erasure), shared
     * otherwise. A batch takes all its locks at once in one order, so two batches never deadlock on them.
     */
    public void lock(UUID member, boolean exclusive) {
        Batch batch = current();
        if (batch == null) {
            jdbc.queryForList(exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)",
                    lockKey(member));
        } else {
            batch.locks.merge(lockKey(member), exclusive, Boolean::logicalOr);
        }
    }

    /**
     * State a projection keeps for the current batch, made on first use; {@code atFlush} runs with it once, after the
     * batch's statements are sent and before the commit. Outside a unit of work it runs before the surrounding
     * transaction commits; without either there is no commit to wait for, which is a caller's mistake.
     */
    @SuppressWarnings("unchecked")
    public <T> T state(Object key, Supplier<T> create, Consumer<T> atFlush) {
        Batch batch = current();
        if (batch == null) {
            T state = create.get();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        atFlush.accept(state);
                    }
                });
                return state;
            }
            throw new IllegalStateException("Batch state needs a unit of work or a transaction");
        }
        return (T) batch.states.computeIfAbsent(key, k -> {
            T state = create.get();
            batch.finishers.add(() -> atFlush.accept(state));
            return state;
        });
    }

    /** Runs once after the batch (or the surrounding transaction) committed; at once when nothing is open. */
    public void afterCommit(Object key, Runnable action) {
        Batch batch = current();
        if (batch != null) {
            batch.afterCommit.putIfAbsent(key, action);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** The lock key of a member: both halves of the id folded into PostgreSQL's bigint key space. */
    static long lockKey(UUID member) {
        return member.getMostSignificantBits() ^ member.getLeastSignificantBits();
    }

    private static EventMessage<?> currentEvent() {
        return CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event ? event : null;
    }

    /** The processing group of a pooled processor's batch (the processor of that name), or null elsewhere. */
    private static String processingGroup(UnitOfWork<?> root) {
        for (String key : root.resources().keySet()) {
            if (key.startsWith("Processor[") && key.endsWith("]/SegmentId")) {
                return key.substring("Processor[".length(), key.length() - "]/SegmentId".length());
            }
        }
        return null;
    }

    private Batch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, k -> {
            Batch batch = new Batch();
            String group = processingGroup(root);
            root.onPrepareCommit(u -> batch.flush(jdbc, group == null ? null : refused, group));
            root.afterCommit(u -> batch.afterCommit.values().forEach(Runnable::run));
            return batch;
        });
    }

    /** One batch's statements, in the order they were buffered, each with the event that buffered it. */
    @SuppressFBWarnings(value = "SQL_INJECTION_SPRING_JDBC",
            justification = "Every statement is a constant of the projection that buffers it; every value is a bind parameter.")
    static final class Batch {
        private final List<Statement> statements = new ArrayList<>();
        private final Map<Long, Boolean> locks = new TreeMap<>();
        private final Map<Object, Object> states = new LinkedHashMap<>();
        private final List<Runnable> finishers = new ArrayList<>();
        private final Map<Object, Runnable> afterCommit = new LinkedHashMap<>();

        void add(Set<UUID> members, String sql, Object[] arguments, EventMessage<?> event) {
            statements.add(new Statement(members, sql, arguments, event));
        }

        void discard(String eventIdentifier) {
            statements.removeIf(statement -> statement.event() != null
                    && eventIdentifier.equals(statement.event().getIdentifier()));
        }

        int statements() {
            return statements.size();
        }

        int groups() {
            return grouped().size();
        }

        /**
         * The statements grouped by SQL: each joins the latest group of its SQL unless a later group touches one of its
         * members, so every member's rows still see their statements in the order the events came.
         */
        List<Group> grouped() {
            List<Group> groups = new ArrayList<>();
            for (Statement statement : statements) {
                Group joined = null;
                for (int i = groups.size() - 1; i >= 0; i--) {
                    Group group = groups.get(i);
                    if (group.sql.equals(statement.sql())) {
                        joined = group;
                        break;
                    }
                    if (group.touches(statement.members())) {
                        break;
                    }
                }
                if (joined == null) {
                    joined = new Group(statement.sql());
                    groups.add(joined);
                }
                joined.add(statement.members(), statement.arguments());
            }
            return groups;
        }

        /**
         * Sends the statements, grouped. When the database refuses them and there is somewhere to put refused events,
         * the batch goes again event by event, each under a savepoint: a refused event and its sequence's later events
         * leave their writes out and go to {@code refused}; every other event's writes go in.
         */
        void flush(JdbcTemplate jdbc, RefusedWrites refused, String group) {
            locks.forEach((key, exclusive) -> jdbc.queryForList(
                    exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)", key));
            locks.clear();
            if (refused == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
                send(jdbc, grouped());
                finishers.forEach(Runnable::run);
            } else {
                // Everything the batch writes goes under one savepoint (so every row of it carries the same
                // transaction id), which lets a refusal be taken back without losing the rest of the transaction.
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    Savepoint whole = connection.setSavepoint();
                    try {
                        send(jdbc, grouped());
                        finishers.forEach(Runnable::run);
                        connection.releaseSavepoint(whole);
                    } catch (DataAccessException refusal) {
                        connection.rollback(whole);
                        sendEventByEvent(jdbc, connection, refused, group, refusal);
                        finishers.forEach(Runnable::run);
                    }
                    return null;
                });
            }
            statements.clear();
            finishers.clear();
            states.clear();
        }

        private static void send(JdbcTemplate jdbc, List<Group> groups) {
            for (Group group : groups) {
                if (group.arguments.size() == 1) {
                    jdbc.update(group.sql, group.arguments.get(0));
                } else {
                    jdbc.batchUpdate(group.sql, group.arguments);
                }
            }
        }

        private void sendEventByEvent(JdbcTemplate jdbc, Connection connection, RefusedWrites refused, String group,
                                      DataAccessException batchRefusal) throws SQLException {
            Map<String, List<Statement>> byEvent = new LinkedHashMap<>();
            for (Statement statement : statements) {
                if (statement.event() == null) {
                    // Writes outside any event cannot wait in a queue: the batch fails as it would have.
                    throw batchRefusal;
                }
                byEvent.computeIfAbsent(statement.event().getIdentifier(), e -> new ArrayList<>()).add(statement);
            }
            Set<Object> blocked = new HashSet<>();
            for (List<Statement> ofEvent : byEvent.values()) {
                EventMessage<?> event = ofEvent.get(0).event();
                Object sequence = refused.sequenceOf(event);
                if (blocked.contains(sequence)) {
                    refused.waitingBehind(group, event);
                    continue;
                }
                Savepoint own = connection.setSavepoint();
                try {
                    for (Statement statement : ofEvent) {
                        jdbc.update(statement.sql(), statement.arguments());
                    }
                    connection.releaseSavepoint(own);
                } catch (DataAccessException refusal) {
                    connection.rollback(own);
                    blocked.add(sequence);
                    refused.refused(group, event, refusal);
                }
            }
        }
    }

    private record Statement(Set<UUID> members, String sql, Object[] arguments, EventMessage<?> event) {
    }

    private static final class Group {
        private final String sql;
        private final List<Object[]> arguments = new ArrayList<>();
        private final Set<UUID> members = new HashSet<>();

        Group(String sql) {
            this.sql = sql;
        }

        void add(Set<UUID> touched, Object[] values) {
            arguments.add(values);
            members.addAll(touched);
        }

        boolean touches(Set<UUID> touched) {
            for (UUID member : touched) {
                if (members.contains(member)) {
                    return true;
                }
            }
            return false;
        }
    }
}
