package com.matchmaking.keys.testing;

import com.matchmaking.keys.kek.KekProvider;
import com.matchmaking.keys.kek.LocalFileKekProvider;
import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import com.matchmaking.keys.serialization.StorageObjectMapper;
import com.matchmaking.keys.vault.KeyCacheSettings;
import com.matchmaking.keys.vault.SubjectKeyVault;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Builds the real pieces of the keys module over a test database. */
public final class Vaults {

    private Vaults() {
    }

    /** A fresh local KEK in a temporary folder under target/. */
    public static KekProvider freshKek() {
        try {
            Path dir = Files.createTempDirectory("kek");
            return LocalFileKekProvider.open(dir.resolve("kek.json"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SubjectKeyVault vault(DataSource dataSource, KekProvider kek) {
        return new SubjectKeyVault(dataSource, kek, KeyCacheSettings.DEFAULTS, Clock.systemUTC());
    }

    public static CryptoShreddingSerializer serializer(SubjectKeyVault vault) {
        return new CryptoShreddingSerializer(plainSerializer(), vault);
    }

    public static JacksonSerializer plainSerializer() {
        return JacksonSerializer.builder().objectMapper(StorageObjectMapper.create()).build();
    }
}
