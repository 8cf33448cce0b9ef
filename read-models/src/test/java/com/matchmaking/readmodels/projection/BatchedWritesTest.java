package com.matchmaking.readmodels.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a batch's statements are grouped into JDBC batches: by SQL, but never moving a statement ahead of an earlier one
 * about the same member.
 */
class BatchedWritesTest {

    private static final String INSERT = "INSERT INTO card (member_id) VALUES (?)";
    private static final String UPDATE = "UPDATE card SET city = ? WHERE member_id = ?";
    private static final String COUNT = "UPDATE card SET applied = applied + 1 WHERE member_id = ?";

    private static EventMessage<?> event() {
        return GenericEventMessage.asEventMessage("an event");
    }

    @Test
    void registrationsOfManyMembersGoAsOneJdbcBatchPerStatement() {
        BatchedWrites.Batch batch = new BatchedWrites.Batch();
        for (int i = 0; i < 100; i++) {
            UUID member = UUID.randomUUID();
            batch.add(Set.of(member), INSERT, new Object[]{member}, event());
            batch.add(Set.of(member), UPDATE, new Object[]{"city", member}, event());
        }
        assertThat(batch.statements()).isEqualTo(200);
        assertThat(batch.groups()).isEqualTo(2);
    }

    @Test
    void aStatementNeverOvertakesAnEarlierOneAboutTheSameMember() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        BatchedWrites.Batch batch = new BatchedWrites.Batch();
        batch.add(Set.of(a), INSERT, new Object[]{a}, event());
        batch.add(Set.of(a), UPDATE, new Object[]{"one", a}, event());
        // a's second update may not join a's first update's group: the count between them is about a too.
        batch.add(Set.of(a), COUNT, new Object[]{a}, event());
        batch.add(Set.of(a), UPDATE, new Object[]{"two", a}, event());
        assertThat(batch.groups()).isEqualTo(4);
        // b's statements are about nobody in between: they join the existing groups.
        batch.add(Set.of(b), INSERT, new Object[]{b}, event());
        batch.add(Set.of(b), COUNT, new Object[]{b}, event());
        assertThat(batch.groups()).isEqualTo(4);
        // A pair statement about a and b cannot move ahead of b's count.
        batch.add(Set.of(a, b), INSERT, new Object[]{a}, event());
        assertThat(batch.groups()).isEqualTo(5);
    }

    @Test
    void anEventThatGoesToTheDeadLetterQueueLeavesNoneOfItsStatementsInTheBatch() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        EventMessage<?> poison = event();
        BatchedWrites.Batch batch = new BatchedWrites.Batch();
        batch.add(Set.of(a), INSERT, new Object[]{a}, event());
        batch.add(Set.of(a), COUNT, new Object[]{a}, poison);
        batch.add(Set.of(b), INSERT, new Object[]{b}, event());
        batch.add(Set.of(b), COUNT, new Object[]{b}, poison);
        batch.add(Set.of(a), UPDATE, new Object[]{"city", a}, event());

        batch.discard(poison.getIdentifier());

        assertThat(batch.statements()).isEqualTo(3);
        // Without the counts between them, both inserts share one JDBC batch.
        assertThat(batch.groups()).isEqualTo(2);
    }
}
