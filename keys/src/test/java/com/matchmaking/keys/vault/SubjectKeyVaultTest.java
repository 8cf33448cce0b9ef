package com.matchmaking.keys.vault;

import com.matchmaking.keys.KeyUnavailableException;
import com.matchmaking.keys.SubjectErasedException;
import com.matchmaking.keys.kek.KekProvider;
import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import com.matchmaking.keys.testing.KeysDatabase;
import com.matchmaking.keys.testing.SampleEvents.ProfileRecorded;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.keys.testing.Vaults;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.matchmaking.keys.testing.SampleEvents.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("external-postgres")
class SubjectKeyVaultTest {

    private static TestPostgres.Database database;
    private static KekProvider kek;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void database() {
        database = KeysDatabase.migrated("keys_vault");
        kek = Vaults.freshKek();
        jdbc = new JdbcTemplate(database.dataSource());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    private static SubjectKeyVault newVault() {
        return Vaults.vault(database.dataSource(), kek);
    }

    private static int keyRows(UUID subject) {
        return jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject_id = ?", Integer.class, subject);
    }

    @Test
    void manyThreadsCreatingTheFirstKeyOfOneSubjectGetOneKey() throws Exception {
        UUID subject = UUID.randomUUID();
        SubjectKeyVault vault = newVault();
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SerializedObject<byte[]>>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            // Half share one vault (one node), half bring their own (other nodes): both races must end in one key.
            SubjectKeyVault node = i % 2 == 0 ? vault : newVault();
            CryptoShreddingSerializer serializer = Vaults.serializer(node);
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return transactions.execute(tx -> serializer.serialize(profile(subject, "t" + n), byte[].class));
            }));
        }
        start.countDown();
        List<SerializedObject<byte[]>> stored = new ArrayList<>();
        for (Future<SerializedObject<byte[]>> result : results) {
            stored.add(result.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(jdbc.queryForList("SELECT key_group FROM subject_key WHERE subject_id = ?", String.class, subject))
                .containsExactlyInAnyOrder("profile", "contact", "sensitive");
        CryptoShreddingSerializer reader = Vaults.serializer(newVault());
        for (int i = 0; i < threads; i++) {
            assertThat(((ProfileRecorded) reader.deserialize(stored.get(i))).fullName()).isEqualTo("Name t" + i);
        }
    }

    @Test
    void theFenceRefusesEveryNewKeyAfterErasure() {
        UUID subject = UUID.randomUUID();
        SubjectKeyVault vault = newVault();
        vault.writeKeys(subject, Set.of("profile"));

        ErasedKeys erased = vault.erase(subject);

        assertThat(erased.destroyed()).extracting(ErasedKeys.DestroyedKey::group).containsExactly("profile");
        assertThat(keyRows(subject)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM erasure_fence WHERE subject_id = ?", Integer.class, subject)).isOne();
        assertThatThrownBy(() -> vault.writeKeys(subject, Set.of("profile"))).isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> newVault().writeKeys(subject, Set.of("contact"))).isInstanceOf(SubjectErasedException.class);
        assertThat(keyRows(subject)).isZero();
    }

    @Test
    void theFenceAlsoHoldsAgainstADirectCallOfTheDatabaseFunction() {
        UUID subject = UUID.randomUUID();
        newVault().erase(subject);

        assertThatThrownBy(() -> jdbc.queryForList(
                "SELECT * FROM claim_subject_keys(?, ARRAY['profile'], ARRAY['\\x00'::bytea], now())", subject))
                .hasMessageContaining("erased");
    }

    @Test
    void erasingTwiceChangesNothingAndReportsNothingDestroyed() {
        UUID subject = UUID.randomUUID();
        SubjectKeyVault vault = newVault();
        vault.writeKeys(subject, Set.of("profile", "contact"));

        assertThat(vault.erase(subject).destroyed()).hasSize(2);
        assertThat(vault.erase(subject).destroyed()).isEmpty();
    }

    @Test
    void anErasureOnAnotherNodeEvictsThisNodesCache() throws Exception {
        UUID subject = UUID.randomUUID();
        SubjectKeyVault here = newVault();
        here.writeKeys(subject, Set.of("profile"));
        assertThat(here.isErased(subject)).isFalse();
        SubjectKeyVault unlistened = newVault();
        assertThat(unlistened.isErased(subject)).isFalse();

        try (KeyEvictionListener listener = new KeyEvictionListener(database.dataSource(), here, Duration.ofMillis(50)).start()) {
            awaitTrue(listener::isListening);
            newVault().erase(subject);

            awaitTrue(() -> here.isErased(subject));
        }
        // Without a listener the cached keyring still says "not erased": the cache is real, the eviction did the work.
        assertThat(unlistened.isErased(subject)).isFalse();
        unlistened.evict(subject);
        assertThat(unlistened.isErased(subject)).isTrue();
    }

    @Test
    void cachedKeyringsServeRepeatedLookupsWithoutTheDatabase() {
        UUID subject = UUID.randomUUID();
        SubjectKeyVault vault = newVault();
        WriteKey written = vault.writeKeys(subject, Set.of("profile")).get("profile");
        long missesBefore = vault.cacheStats().missCount();

        for (int i = 0; i < 100; i++) {
            assertThat(vault.readKey(subject, "profile", written.generation())).isInstanceOf(ReadKey.Live.class);
        }

        assertThat(vault.cacheStats().missCount() - missesBefore).isLessThanOrEqualTo(1);
    }

    @Test
    void aKeyCreatedInARolledBackTransactionLeavesNoRowAndNoCachedKey() {
        UUID subject = UUID.randomUUID();
        SubjectKeyVault vault = newVault();

        transactions.executeWithoutResult(tx -> {
            vault.writeKeys(subject, Set.of("profile"));
            assertThat(keyRows(subject)).as("visible inside its own transaction").isOne();
            tx.setRollbackOnly();
        });

        assertThat(keyRows(subject)).isZero();
        assertThatThrownBy(() -> vault.readKey(subject, "profile", 1)).isInstanceOf(KeyUnavailableException.class);
        WriteKey again = vault.writeKeys(subject, Set.of("profile")).get("profile");
        assertThat(again.generation()).isEqualTo(1);
        assertThat(keyRows(subject)).isOne();
    }

    @Test
    void anErasureRolledBackLeavesTheKeysAlive() {
        UUID subject = UUID.randomUUID();
        SubjectKeyVault vault = newVault();
        vault.writeKeys(subject, Set.of("profile"));

        transactions.executeWithoutResult(tx -> {
            vault.erase(subject);
            assertThat(vault.isErased(subject)).isTrue();
            tx.setRollbackOnly();
        });

        assertThat(vault.isErased(subject)).isFalse();
        assertThat(vault.readKey(subject, "profile", 1)).isInstanceOf(ReadKey.Live.class);
    }

    @Test
    void aMissingKeyWithoutFenceIsUnavailableNotErased() {
        UUID subject = UUID.randomUUID();
        newVault().writeKeys(subject, Set.of("profile"));
        jdbc.update("DELETE FROM subject_key WHERE subject_id = ?", subject);

        assertThatThrownBy(() -> newVault().readKey(subject, "profile", 1))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("no erasure fence");
    }

    @Test
    void aKeyTheKekCannotOpenIsUnavailableNotErased() {
        UUID subject = UUID.randomUUID();
        newVault().writeKeys(subject, Set.of("profile"));
        SubjectKeyVault wrongKek = Vaults.vault(database.dataSource(), Vaults.freshKek());

        assertThatThrownBy(() -> wrongKek.readKey(subject, "profile", 1)).isInstanceOf(KeyUnavailableException.class);
        assertThatThrownBy(() -> wrongKek.writeKeys(subject, Set.of("profile"))).isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void aWrappedKeysetCopiedToAnotherSubjectCannotBeOpened() {
        UUID owner = UUID.randomUUID();
        UUID thief = UUID.randomUUID();
        SubjectKeyVault vault = newVault();
        vault.writeKeys(owner, Set.of("profile"));
        jdbc.update("""
                INSERT INTO subject_key (subject_id, key_group, generation, wrapped_keyset, created_at)
                SELECT ?, key_group, generation, wrapped_keyset, created_at FROM subject_key WHERE subject_id = ?
                """, thief, owner);

        assertThatThrownBy(() -> newVault().readKey(thief, "profile", 1)).isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void anUnreachableDatabaseIsAnErrorNeverAPlaceholder() {
        PGSimpleDataSource closed = new PGSimpleDataSource();
        closed.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        closed.setConnectTimeout(1);
        SubjectKeyVault vault = Vaults.vault(closed, kek);

        assertThatThrownBy(() -> vault.readKey(UUID.randomUUID(), "profile", 1)).isInstanceOf(KeyUnavailableException.class);
        assertThatThrownBy(() -> vault.writeKeys(UUID.randomUUID(), Set.of("profile"))).isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void keyMaterialIsStoredOnlyWrapped() {
        UUID subject = UUID.randomUUID();
        newVault().writeKeys(subject, Set.of("profile"));

        byte[] wrapped = jdbc.queryForObject("SELECT wrapped_keyset FROM subject_key WHERE subject_id = ?", byte[].class, subject);

        assertThatThrownBy(() -> com.google.crypto.tink.TinkProtoKeysetFormat.parseKeyset(wrapped,
                com.google.crypto.tink.InsecureSecretKeyAccess.get()))
                .as("a stored keyset is not readable as a cleartext keyset")
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
