package com.matchmaking.readmodels.projection;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            batch.add(Set.copyOf(members), sql, arguments);
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

    private Batch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, k -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.flush(jdbc));
            root.afterCommit(u -> batch.afterCommit.values().forEach(Runnable::run));
            return batch;
        });
    }

    /** One batch's statements, grouped by SQL where the order per member allows. */
    @SuppressFBWarnings(value = "SQL_INJECTION_SPRING_JDBC",
            justification = "Every statement is a constant of the projection that buffers it; every value is a bind parameter.")
    static final class Batch {
        private final List<Group> groups = new ArrayList<>();
        private final Map<Long, Boolean> locks = new TreeMap<>();
        private final Map<Object, Object> states = new LinkedHashMap<>();
        private final List<Runnable> finishers = new ArrayList<>();
        private final Map<Object, Runnable> afterCommit = new LinkedHashMap<>();
        private int statements;

        void add(Set<UUID> members, String sql, Object[] arguments) {
            statements++;
            // Join the latest group of the same SQL unless a later group touches one of these members.
            for (int i = groups.size() - 1; i >= 0; i--) {
                Group group = groups.get(i);
                if (group.sql.equals(sql)) {
                    group.add(members, arguments);
                    return;
                }
                if (group.touches(members)) {
                    break;
                }
            }
            Group group = new Group(sql);
            group.add(members, arguments);
            groups.add(group);
        }

        int statements() {
            return statements;
        }

        int groups() {
            return groups.size();
        }

        void flush(JdbcTemplate jdbc) {
            locks.forEach((key, exclusive) -> jdbc.queryForList(
                    exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)", key));
            locks.clear();
            for (Group group : groups) {
                if (group.arguments.size() == 1) {
                    jdbc.update(group.sql, group.arguments.get(0));
                } else {
                    jdbc.batchUpdate(group.sql, group.arguments);
                }
            }
            groups.clear();
            finishers.forEach(Runnable::run);
            finishers.clear();
            states.clear();
        }
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
