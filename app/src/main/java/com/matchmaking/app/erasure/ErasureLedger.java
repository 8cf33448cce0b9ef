package com.matchmaking.app.erasure;

import com.matchmaking.app.MatchmakingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The erasure ledger: every erasure, as a subject id and a time, and every destroyed key group (a withdrawn consent to
 * sensitive data), as subject, group, generation and time, appended to a file outside the database (one JSON object
 * a line, flushed to disk). A database restored from a backup older than an erasure brings the erased keys back; the
 * ledger survives the restore and says what to destroy again on the next start ({@link ErasureLedgerCheck}).
 * It holds no personal data: ids are random UUIDs, group names are fixed words, times are times. Its default place is
 * beside the data folder, not in it, so restoring the data folder does not roll it back.
 *
 * <p>An erasure is appended after its transaction commits, so a rolled-back erasure is never in the ledger. Should the
 * process die between the commit and the append, the next start (and a periodic sync) copies every erasure fence of
 * the database that the ledger misses.
 */
@Component
public class ErasureLedger {

    private static final Logger log = LoggerFactory.getLogger(ErasureLedger.class);
    private static final Pattern LINE = Pattern.compile(
            "\\{\"subject\":\"([0-9a-f-]{36})\",\"erasedAt\":\"([0-9TZ:.\\-+]+)\"}");
    private static final Pattern GROUP_LINE = Pattern.compile("\\{\"subject\":\"([0-9a-f-]{36})\",\"group\":\"([a-z][a-z0-9_-]{0,31})\","
            + "\"generation\":([0-9]{1,9}),\"destroyedAt\":\"([0-9TZ:.\\-+]+)\"}");

    /** One destroyed key group generation of a subject. */
    public record DestroyedGroup(UUID subject, String group, int generation) {
    }

    private final Path file;
    private Map<UUID, Instant> entries;
    private Map<DestroyedGroup, Instant> groups;

    ErasureLedger(MatchmakingProperties properties) {
        this.file = properties.erasureLedgerFile().toAbsolutePath().normalize();
        adoptLegacyFile(properties.legacyErasureLedgerFile().toAbsolutePath().normalize());
    }

    /** A ledger kept in the data folder by an earlier version moves out of it, once. */
    private void adoptLegacyFile(Path legacy) {
        if (legacy.equals(file) || Files.exists(file) || !Files.exists(legacy)) {
            return;
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(legacy, file);
            log.warn("Erasure ledger moved out of the data folder: {} copied to {}", legacy, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the erasure ledger " + legacy + " to " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Every subject the ledger holds, with the time of its first erasure. */
    public synchronized Map<UUID, Instant> entries() {
        return Map.copyOf(load());
    }

    /** Appends the erasure now, unless the ledger has the subject already. */
    public synchronized void append(UUID subject, Instant erasedAt) {
        if (load().containsKey(subject)) {
            return;
        }
        write("{\"subject\":\"" + subject + "\",\"erasedAt\":\"" + erasedAt + "\"}\n");
        entries.put(subject, erasedAt);
    }

    /** Every destroyed key group generation the ledger holds, with the time it was first destroyed. */
    public synchronized Map<DestroyedGroup, Instant> destroyedGroups() {
        load();
        return Map.copyOf(groups);
    }

    /** Appends a destroyed key group generation now, unless the ledger has it already. */
    public synchronized void appendGroup(DestroyedGroup destroyed, Instant destroyedAt) {
        load();
        if (groups.containsKey(destroyed)) {
            return;
        }
        write("{\"subject\":\"" + destroyed.subject() + "\",\"group\":\"" + destroyed.group() + "\",\"generation\":"
                + destroyed.generation() + ",\"destroyedAt\":\"" + destroyedAt + "\"}\n");
        groups.put(destroyed, destroyedAt);
    }

    /** Appends a destroyed key group once the current transaction commits (at once without one). */
    public void appendGroupAfterCommit(DestroyedGroup destroyed, Instant destroyedAt) {
        afterCommit(() -> appendGroup(destroyed, destroyedAt), destroyed.subject());
    }

    private void write(String line) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the erasure ledger " + file, e);
        }
    }

    /** Appends the erasure once the current transaction commits (at once without one). */
    void appendAfterCommit(UUID subject, Instant erasedAt) {
        afterCommit(() -> append(subject, erasedAt), subject);
    }

    private void afterCommit(Runnable append, UUID subject) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    append.run();
                } catch (RuntimeException e) {
                    // The erasure stands; the periodic sync copies it from the database's fences.
                    log.error("Erasure (or key group destruction) of subject {} not written to the erasure ledger yet ({})", subject,
                            e.getClass().getSimpleName());
                }
            }
        });
    }

    private Map<UUID, Instant> load() {
        if (entries != null) {
            return entries;
        }
        Map<UUID, Instant> read = new LinkedHashMap<>();
        Map<DestroyedGroup, Instant> readGroups = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                int number = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    number++;
                    Matcher m = LINE.matcher(line.strip());
                    if (line.isBlank()) {
                        continue;
                    }
                    Matcher g = GROUP_LINE.matcher(line.strip());
                    if (g.matches()) {
                        try {
                            readGroups.putIfAbsent(new DestroyedGroup(UUID.fromString(g.group(1)), g.group(2),
                                    Integer.parseInt(g.group(3))), Instant.parse(g.group(4)));
                        } catch (IllegalArgumentException | DateTimeParseException e) {
                            log.warn("Erasure ledger {}: line {} is not an entry, skipped", file, number);
                        }
                        continue;
                    }
                    if (!m.matches()) {
                        log.warn("Erasure ledger {}: line {} is not an entry, skipped", file, number);
                        continue;
                    }
                    try {
                        read.putIfAbsent(UUID.fromString(m.group(1)), Instant.parse(m.group(2)));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        log.warn("Erasure ledger {}: line {} is not an entry, skipped", file, number);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the erasure ledger " + file, e);
            }
        }
        entries = read;
        groups = readGroups;
        return entries;
    }
}
