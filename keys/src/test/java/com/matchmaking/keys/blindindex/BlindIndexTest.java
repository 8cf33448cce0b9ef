package com.matchmaking.keys.blindindex;

import com.matchmaking.keys.kek.KekProvider;
import com.matchmaking.keys.testing.KeysDatabase;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.keys.testing.Vaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("external-postgres")
class BlindIndexTest {

    private static TestPostgres.Database database;
    private static KekProvider kek;

    @BeforeAll
    static void database() {
        database = KeysDatabase.migrated("keys_blind");
        kek = Vaults.freshKek();
    }

    private static BlindIndex newIndex() {
        return new BlindIndex(database.dataSource(), kek, Clock.systemUTC());
    }

    @Test
    void equalValuesGiveEqualIndexesAcrossNodesAndRestarts() {
        String first = newIndex().of("login-email", "ada@example.com");
        String second = newIndex().of("login-email", "ada@example.com");

        assertThat(first).isEqualTo(second);
        assertThat(newIndex().of("login-email", "bob@example.com")).isNotEqualTo(first);
    }

    @Test
    void eachPurposeHasItsOwnKey() {
        BlindIndex index = newIndex();

        assertThat(index.of("login-email", "same")).isNotEqualTo(index.of("phone-unique", "same"));
        assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
                "SELECT count(*) FROM lookup_key WHERE purpose IN ('login-email', 'phone-unique')", Integer.class)).isEqualTo(2);
    }

    @Test
    void theIndexRevealsNothingOfTheValue() {
        String index = newIndex().of("login-email", "carol.secret@example.com");

        assertThat(index).doesNotContain("carol", "secret", "example");
        assertThat(index).matches("[A-Za-z0-9_-]{40,}");
    }

    @Test
    void aLookupKeyCreatedInsideARolledBackTransactionSurvives() {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        BlindIndex index = newIndex();

        String inside = transactions.execute(tx -> {
            tx.setRollbackOnly();
            return index.of("rollback-purpose", "value");
        });

        assertThat(newIndex().of("rollback-purpose", "value")).isEqualTo(inside);
        byte[] stored = new JdbcTemplate(database.dataSource())
                .queryForObject("SELECT wrapped_keyset FROM lookup_key WHERE purpose = 'rollback-purpose'", byte[].class);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("value");
    }
}
