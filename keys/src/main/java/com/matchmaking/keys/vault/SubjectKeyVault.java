package com.matchmaking.keys.vault;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.matchmaking.keys.KeyUnavailableException;
import com.matchmaking.keys.SubjectErasedException;
import com.matchmaking.keys.kek.KekProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The per-subject key vault: one Tink AES-256-GCM keyset per subject and key group, stored in PostgreSQL only
 * wrapped by the KEK, with an erasure fence that keeps an erased subject from ever getting a key again.
 *
 * <p>Every statement runs on the caller's transaction and connection (Spring's {@link JdbcTemplate} joins it),
 * so the first key of a subject is created in the same transaction as its first event, and a rolled-back command
 * leaves no orphan key. Creation, erasure and group destruction are single calls to database functions that take
 * a per-subject advisory lock, which is what makes "many threads create the first key of one subject" yield one
 * key and keeps a key from slipping in beside a concurrent erasure.
 *
 * <p>Unwrapped keyrings are cached per subject. Changes made inside a transaction stay private to it until it
 * commits; erasures and group destructions on any node evict the subject on every node (see
 * {@link KeyEvictionListener}).
 *
 * <p>Table and function definitions live in the schema module's migrations ({@code subject_key},
 * {@code erasure_fence}, {@code claim_subject_keys}, {@code erase_subject_keys}, {@code destroy_key_group}).
 */
public final class SubjectKeyVault {

    /** The channel on which key changes are announced to every node. */
    public static final String EVICTION_CHANNEL = "subject_keys_changed";

    private static final String SUBJECT_ERASED_STATE = "KE001";
    private static final Pattern GROUP_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private static final String LOAD = """
            SELECT f.erased_at IS NOT NULL AS erased, k.key_group, k.generation, k.wrapped_keyset
            FROM (VALUES (?::uuid)) AS s(subject_id)
            LEFT JOIN erasure_fence f ON f.subject_id = s.subject_id
            LEFT JOIN subject_key k ON k.subject_id = s.subject_id
            """;
    private static final String CLAIM = "SELECT key_group, generation, wrapped_keyset FROM claim_subject_keys(?, ?, ?, ?)";
    private static final String ERASE = "SELECT key_group, generation FROM erase_subject_keys(?, ?)";
    private static final String DESTROY_GROUP = "SELECT destroy_key_group(?, ?, ?)";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final JdbcTemplate jdbc;
    private final KekProvider kekProvider;
    private final Clock clock;
    private final Cache<UUID, Keyring> cache;
    // Subjects whose keys changed elsewhere very recently: a keyring computed before such a change and put into
    // the cache after it must not be kept.
    private final Cache<UUID, Boolean> recentlyChanged;
    private final Object transactionKey = new Object();
    // False while eviction notices from other nodes may be missed: keyrings cached then live only briefly.
    private volatile boolean noticesHeard = true;

    public SubjectKeyVault(DataSource dataSource, KekProvider kekProvider, KeyCacheSettings cacheSettings, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.kekProvider = Objects.requireNonNull(kekProvider);
        this.clock = Objects.requireNonNull(clock);
        long timeToLive = cacheSettings.timeToLive().toNanos();
        long fallback = cacheSettings.fallbackTimeToLive().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(cacheSettings.maximumSubjects())
                .expireAfter(new Expiry<UUID, Keyring>() {
                    @Override
                    public long expireAfterCreate(UUID subject, Keyring ring, long now) {
                        return noticesHeard ? timeToLive : fallback;
                    }

                    @Override
                    public long expireAfterUpdate(UUID subject, Keyring ring, long now, long remaining) {
                        return noticesHeard ? timeToLive : fallback;
                    }

                    @Override
                    public long expireAfterRead(UUID subject, Keyring ring, long now, long remaining) {
                        return remaining;
                    }
                })
                .recordStats()
                .build();
        this.recentlyChanged = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(1))
                .maximumSize(100_000)
                .build();
    }

    /**
     * The live keys of the given groups of one subject, creating the missing ones within the current transaction.
     *
     * @throws SubjectErasedException  when the subject is behind an erasure fence
     * @throws KeyUnavailableException when the database or the KEK cannot be reached
     */
    public Map<String, WriteKey> writeKeys(UUID subject, Collection<String> groups) {
        Objects.requireNonNull(subject, "subject");
        Keyring known = knownKeyring(subject);
        Keyring current;
        if (known == null) {
            // Unknown here: one call both reads what exists and creates what is missing (a subject's first write is
            // the common case), instead of a read followed by a claim.
            current = claim(subject, groups.stream().distinct().toList());
        } else {
            if (known.erased()) {
                throw new SubjectErasedException(subject);
            }
            List<String> missing = groups.stream().distinct().filter(g -> !known.hasLiveKey(g)).toList();
            current = missing.isEmpty() ? known : claim(subject, missing);
        }
        Map<String, WriteKey> keys = new HashMap<>();
        for (String group : groups) {
            Keyring.Group g = current.group(group);
            if (g == null || g.live() == null) {
                throw new KeyUnavailableException("No live key of group " + group + " for subject " + subject);
            }
            keys.put(group, new WriteKey(g.liveGeneration(), g.live()));
        }
        return keys;
    }

    /**
     * The live keys that already exist among the given groups of one subject; never creates one, and answers
     * nothing for an erased subject or a destroyed group. For sealing groups that have no value in a message, so
     * that an empty group looks like any other without a key being made for nothing.
     *
     * @throws KeyUnavailableException when the database or the KEK cannot be reached
     */
    public Map<String, WriteKey> existingWriteKeys(UUID subject, Collection<String> groups) {
        Objects.requireNonNull(subject, "subject");
        Keyring ring = keyring(subject);
        Map<String, WriteKey> keys = new HashMap<>();
        if (ring.erased()) {
            return keys;
        }
        for (String group : groups) {
            Keyring.Group g = ring.group(group);
            if (g != null && g.live() != null) {
                keys.put(group, new WriteKey(g.liveGeneration(), g.live()));
            }
        }
        return keys;
    }

    /**
     * The key a value stored under the given group and generation needs: live, or destroyed.
     *
     * @throws KeyUnavailableException when the key can neither be found nor is known to be destroyed
     */
    public ReadKey readKey(UUID subject, String group, int generation) {
        Objects.requireNonNull(subject, "subject");
        Keyring ring = keyring(subject);
        Keyring.Lookup found = ring.lookup(group, generation);
        if (found == Keyring.Lookup.UNKNOWN && !changedInThisTransaction(subject)) {
            // The cached keyring may predate a key made on another node: read it again once.
            cache.invalidate(subject);
            ring = keyring(subject);
            found = ring.lookup(group, generation);
        }
        return switch (found) {
            case LIVE -> new ReadKey.Live(ring.group(group).live());
            case SHREDDED -> ReadKey.SHREDDED;
            case UNKNOWN -> throw new KeyUnavailableException("No key of group " + group + " generation " + generation
                    + " for subject " + subject + " and no erasure fence");
        };
    }

    /** Whether the subject is behind an erasure fence. */
    public boolean isErased(UUID subject) {
        return keyring(subject).erased();
    }

    /**
     * Destroys every key of the subject and raises the erasure fence, within the current transaction. Erasing an
     * erased subject again changes nothing and reports nothing destroyed.
     */
    public ErasedKeys erase(UUID subject) {
        Objects.requireNonNull(subject, "subject");
        Instant now = clock.instant();
        try {
            List<ErasedKeys.DestroyedKey> destroyed = jdbc.query(ERASE,
                    (rs, i) -> new ErasedKeys.DestroyedKey(rs.getString(1), rs.getInt(2)),
                    subject, Timestamp.from(now));
            changed(subject, Keyring.ERASED);
            return new ErasedKeys(subject, now, destroyed);
        } catch (DataAccessException e) {
            throw new KeyUnavailableException("Cannot erase the keys of subject " + subject, e);
        }
    }

    /**
     * Destroys the live key of one group of the subject, within the current transaction: values under it read back
     * as placeholders from now on, while the other groups still decrypt. A later write to the group gets a new
     * generation.
     *
     * @return whether a live key was destroyed
     */
    public boolean destroyGroup(UUID subject, String group) {
        Objects.requireNonNull(subject, "subject");
        requireGroupName(group);
        try {
            Integer count = jdbc.queryForObject(DESTROY_GROUP, Integer.class, subject, group, Timestamp.from(clock.instant()));
            changed(subject, load(subject));
            return count != null && count > 0;
        } catch (DataAccessException e) {
            throw new KeyUnavailableException("Cannot destroy key group " + group + " of subject " + subject, e);
        }
    }

    /** Hit and miss counts of the keyring cache, for benchmarks and metrics. */
    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** Forgets the cached keys of one subject on this node. */
    public void evict(UUID subject) {
        recentlyChanged.put(subject, Boolean.TRUE);
        cache.invalidate(subject);
    }

    /** Forgets every cached key on this node, for when eviction notices may have been missed. */
    public void evictAll() {
        cache.invalidateAll();
    }

    /**
     * Eviction notices from other nodes can no longer be heard: drops the cache, and keeps keyrings cached from now on
     * only for the fallback time-to-live, until {@link #evictionNoticesRestored()}.
     */
    public void evictionNoticesLost() {
        noticesHeard = false;
        cache.invalidateAll();
    }

    /** Eviction notices are heard again: drops the cache (notices may have been missed) and caches for the full time. */
    public void evictionNoticesRestored() {
        cache.invalidateAll();
        noticesHeard = true;
    }

    /** Whether eviction notices from other nodes are being heard (true when no listener is attached). */
    public boolean evictionNoticesHeard() {
        return noticesHeard;
    }

    static void requireGroupName(String group) {
        if (group == null || !GROUP_NAME.matcher(group).matches()) {
            throw new IllegalArgumentException("Key group names are lower-case words of up to 32 characters");
        }
    }

    private Keyring keyring(UUID subject) {
        Keyring known = knownKeyring(subject);
        return known != null ? known : cache.get(subject, this::load);
    }

    /** The keyring this transaction changed, or the cached one, without going to the database. */
    private Keyring knownKeyring(UUID subject) {
        Map<UUID, Keyring> own = transactionKeyrings(false);
        if (own != null) {
            Keyring changed = own.get(subject);
            if (changed != null) {
                return changed;
            }
        }
        return cache.getIfPresent(subject);
    }

    private boolean changedInThisTransaction(UUID subject) {
        Map<UUID, Keyring> own = transactionKeyrings(false);
        return own != null && own.containsKey(subject);
    }

    private Keyring claim(UUID subject, List<String> groups) {
        groups.forEach(SubjectKeyVault::requireGroupName);
        try {
            Aead kek = kekProvider.kek();
            byte[][] wrapped = new byte[groups.size()][];
            Map<String, Aead> generated = new HashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                wrapped[i] = TinkProtoKeysetFormat.serializeEncryptedKeyset(fresh, kek, wrapContext(subject, groups.get(i)));
                generated.put(groups.get(i), fresh.getPrimitive(RegistryConfiguration.get(), Aead.class));
            }
            Keyring.Builder builder = new Keyring.Builder();
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(CLAIM);
                statement.setObject(1, subject);
                statement.setArray(2, textArray(connection, groups));
                statement.setArray(3, connection.createArrayOf("bytea", wrapped));
                statement.setTimestamp(4, Timestamp.from(clock.instant()));
                return statement;
            }, rs -> {
                String group = rs.getString(1);
                byte[] stored = rs.getBytes(3);
                int index = groups.indexOf(group);
                if (stored != null && index >= 0 && Arrays.equals(stored, wrapped[index])) {
                    // The key this call just made: no need to unwrap what was wrapped a moment ago.
                    builder.live(group, rs.getInt(2), generated.get(group));
                } else {
                    addRow(builder, subject, group, rs.getInt(2), stored);
                }
            });
            Keyring ring = builder.build();
            changed(subject, ring);
            return ring;
        } catch (DataAccessException e) {
            if (isSubjectErased(e)) {
                throw new SubjectErasedException(subject);
            }
            throw new KeyUnavailableException("Cannot create keys for subject " + subject, e);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("Cannot wrap new keys for subject " + subject + " with the KEK", e);
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private Keyring load(UUID subject) {
        try {
            Keyring.Builder builder = new Keyring.Builder();
            jdbc.query(LOAD, rs -> {
                if (rs.getBoolean(1)) {
                    builder.erased();
                } else if (rs.getString(2) != null) {
                    addRow(builder, subject, rs.getString(2), rs.getInt(3), rs.getBytes(4));
                }
            }, subject);
            return builder.build();
        } catch (DataAccessException e) {
            throw new KeyUnavailableException("Cannot read the keys of subject " + subject, e);
        }
    }

    private void addRow(Keyring.Builder builder, UUID subject, String group, int generation, byte[] wrapped) {
        if (wrapped == null) {
            builder.destroyed(group, generation);
            return;
        }
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kekProvider.kek(),
                    wrapContext(subject, group));
            builder.live(group, generation, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            // A keyset that the KEK cannot open is unavailable, not erased: never fall back to a placeholder.
            throw new KeyUnavailableException("Cannot unwrap key group " + group + " of subject " + subject
                    + " with " + kekProvider.describe(), e);
        }
    }

    /** Binds a wrapped keyset to its subject and group, so a row copied to another subject cannot be opened. */
    private static byte[] wrapContext(UUID subject, String group) {
        return ("subject-keyset|" + subject + "|" + group).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isSubjectErased(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SUBJECT_ERASED_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a keyring changed by the current transaction: private to it until commit, then published to this
     * node's cache (other nodes hear of it through the eviction channel).
     */
    private void changed(UUID subject, Keyring ring) {
        Map<UUID, Keyring> own = transactionKeyrings(true);
        if (own != null) {
            own.put(subject, ring);
        } else {
            publish(subject, ring);
        }
    }

    private void publish(UUID subject, Keyring ring) {
        if (ring.erased()) {
            cache.put(subject, ring);
        } else if (recentlyChanged.getIfPresent(subject) == null) {
            cache.put(subject, ring);
        } else {
            cache.invalidate(subject);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Keyring> transactionKeyrings(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<UUID, Keyring> own = (Map<UUID, Keyring>) TransactionSynchronizationManager.getResource(transactionKey);
        if (own == null && create) {
            Map<UUID, Keyring> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(transactionKey, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
                    if (status == STATUS_COMMITTED) {
                        created.forEach(SubjectKeyVault.this::publish);
                    }
                }
            });
            own = created;
        }
        return own;
    }
}
