package com.matchmaking.keys.kek;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * A KEK kept in a local Tink keyset file, in the clear. Meant for the embedded and development setup, where the
 * file sits beside the embedded database in the data folder; production should use {@link KmsKekProvider}.
 *
 * <p>The file is read once. When it is absent and creation is allowed, a new AES-256-GCM keyset is written with
 * owner-only permissions; when creation is not allowed (the {@code prod} profile) a missing file stops start-up
 * rather than silently creating a key nobody backs up.
 */
public final class LocalFileKekProvider implements KekProvider {

    private static final Logger log = LoggerFactory.getLogger(LocalFileKekProvider.class);

    private final Path file;
    private final Aead kek;

    private LocalFileKekProvider(Path file, Aead kek) {
        this.file = file;
        this.kek = kek;
    }

    /** Opens the keyset file, creating it first when it is absent and {@code createIfMissing} is set. */
    public static LocalFileKekProvider open(Path file, boolean createIfMissing) {
        try {
            AeadConfig.register();
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalStateException("No key-encryption key file at " + file
                            + " and creating one is not allowed here; configure an existing KEK file or a KMS key URI");
                }
                create(file);
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            return new LocalFileKekProvider(file, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file only; Tink's parse errors never contain key bytes.
            throw new IllegalStateException("Cannot open the key-encryption key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        Path temp = Files.createTempFile(dir, ".kek", ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
            log.warn("Created a new key-encryption key file at {}. Back it up: without it no stored personal data can be read.",
                    file);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; theirs is the one in use.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(path, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the folder's own protection applies.
        }
    }

    @Override
    public Aead kek() {
        return kek;
    }

    @Override
    public String describe() {
        return "local keyset file " + file;
    }
}
