package com.matchmaking.keys.kek;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileKekProviderTest {

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyKeysetFileOnFirstStartAndReusesItAfter() throws Exception {
        Path file = dir.resolve("nested").resolve("kek.json");

        LocalFileKekProvider first = LocalFileKekProvider.open(file, true);
        byte[] wrapped = first.kek().encrypt("secret".getBytes(StandardCharsets.UTF_8), new byte[0]);
        LocalFileKekProvider second = LocalFileKekProvider.open(file, true);

        assertThat(Files.exists(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new String(second.kek().decrypt(wrapped, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void refusesToInventAKeyWhereCreationIsNotAllowed() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> LocalFileKekProvider.open(file, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not allowed");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aCorruptFileStopsStartUpWithoutEchoingItsContent() throws Exception {
        Path file = dir.resolve("kek.json");
        Files.writeString(file, "{\"not\":\"a keyset SECRETBYTES\"}");

        assertThatThrownBy(() -> LocalFileKekProvider.open(file, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("SECRETBYTES");
    }

    @Test
    void describesItselfWithoutKeyMaterial() {
        Path file = dir.resolve("kek.json");
        LocalFileKekProvider provider = LocalFileKekProvider.open(file, true);

        assertThat(provider.describe()).contains("kek.json");
    }
}
