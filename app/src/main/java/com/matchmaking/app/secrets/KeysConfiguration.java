package com.matchmaking.app.secrets;

import com.google.crypto.tink.KmsClient;
import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.keys.blindindex.BlindIndex;
import com.matchmaking.keys.kek.KekCheck;
import com.matchmaking.keys.kek.KekProvider;
import com.matchmaking.keys.kek.KmsKekProvider;
import com.matchmaking.keys.kek.LocalFileKekProvider;
import com.matchmaking.keys.vault.KeyCacheSettings;
import com.matchmaking.keys.vault.KeyEvictionListener;
import com.matchmaking.keys.vault.SubjectKeyVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Wires the keys module: the KEK provider, the key vault with its cache and cross-node eviction, and blind indexes.
 *
 * <p>The KEK comes from a KMS when {@code matchmaking.keys.kek-uri} is set (through a Tink {@link KmsClient} bean for
 * its scheme), otherwise from the local keyset file. Outside the {@code prod} profile a missing file is created;
 * in {@code prod} start-up stops instead, because a key nobody has backed up would silently become the only way to
 * read every member's data.
 *
 * <p>Either way the KEK is checked against the database before anything uses it ({@link KekCheck}): a node whose KEK
 * is not the one the stored keys are wrapped with, or that has no KEK file beside a database that already holds keys
 * (a second node with a data folder of its own), refuses to start and says which setting to configure. A new KEK
 * file is written only for a database without any key.
 */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);
    static final String REMEDY = "Set MATCHMAKING_KEYS_KEK_FILE (matchmaking.keys.kek-file) to a copy of the KEK file "
            + "the other nodes use, or MATCHMAKING_KEYS_KEK_URI (matchmaking.keys.kek-uri) to their KMS key.";

    @Bean
    @DependsOnDatabaseInitialization
    KekProvider kekProvider(KeysProperties keys, MatchmakingProperties properties, Environment environment,
                            ObjectProvider<KmsClient> kmsClients, DataSource dataSource, Clock clock) {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        KekCheck.Source source;
        if (StringUtils.hasText(keys.kekUri())) {
            KmsClient client = kmsClients.orderedStream().filter(c -> c.doesSupport(keys.kekUri())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "matchmaking.keys.kek-uri is set but no KmsClient bean supports its scheme"));
            KekProvider kms = new KmsKekProvider(client, keys.kekUri());
            source = new KekCheck.Source() {
                @Override
                public Optional<KekProvider> existing() {
                    return Optional.of(kms);
                }

                @Override
                public KekProvider create() {
                    return kms;
                }

                @Override
                public String describe() {
                    return kms.describe();
                }
            };
        } else {
            if (prod && keys.kekFile() == null) {
                throw new IllegalStateException("The prod profile needs an explicit KEK: set matchmaking.keys.kek-uri "
                        + "(a KMS key) or matchmaking.keys.kek-file (an existing keyset file)");
            }
            Path file = keys.kekFile() != null ? keys.kekFile() : properties.dataDir().resolve("kek.json");
            source = new KekCheck.Source() {
                @Override
                public Optional<KekProvider> existing() {
                    return Files.exists(file) ? Optional.of(LocalFileKekProvider.open(file, false)) : Optional.empty();
                }

                @Override
                public KekProvider create() {
                    return LocalFileKekProvider.open(file, !prod);
                }

                @Override
                public String describe() {
                    return "no keyset file at " + file;
                }
            };
        }
        KekProvider provider = KekCheck.establish(dataSource, source, clock, REMEDY);
        log.info("Key-encryption key: {}", provider.describe());
        return provider;
    }

    @Bean
    SubjectKeyVault subjectKeyVault(DataSource dataSource, KekProvider kek, KeysProperties keys, Clock clock) {
        return new SubjectKeyVault(dataSource, kek, new KeyCacheSettings(keys.cacheSize(), keys.cacheTtl(),
                keys.cacheFallbackTtl()), clock);
    }

    /**
     * The listener holds a connection of its own, outside the pool: when its session is killed, no dead connection
     * goes back to the pool for a request to trip over.
     */
    @Bean(destroyMethod = "close")
    KeyEvictionListener keyEvictionListener(DataSource dataSource, SubjectKeyVault vault, KeysProperties keys) {
        return new KeyEvictionListener(ownConnections(dataSource), vault, Duration.ofMillis(500),
                keys.evictionCheckInterval()).start();
    }

    /** Connections opened with the pool's settings but not taken from it (the pool itself when it is no Hikari). */
    static KeyEvictionListener.ConnectionOpener ownConnections(DataSource dataSource) {
        HikariDataSource hikari;
        try {
            hikari = dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            hikari = null;
        }
        if (hikari == null || hikari.getJdbcUrl() == null) {
            log.warn("The key eviction listener borrows its connection from the pool (not a Hikari pool with a JDBC URL)");
            return dataSource::getConnection;
        }
        String url = hikari.getJdbcUrl();
        Properties settings = new Properties();
        settings.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            settings.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            settings.setProperty("password", hikari.getPassword());
        }
        settings.setProperty("ApplicationName", "key-eviction-listener");
        return () -> DriverManager.getConnection(url, settings);
    }

    @Bean
    BlindIndex blindIndex(DataSource dataSource, KekProvider kek, Clock clock) {
        return new BlindIndex(dataSource, kek, clock);
    }
}
