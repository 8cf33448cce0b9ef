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
 * The erasure ledger: every erasure, as a subject id and a time, appended to a file outside the database (one JSON
 * object a line, flushed to disk). A database restored from a backup older than an erasure brings the erased keys
 * back; the ledger survives the restore and says whom to erase again on the next start ({@link ErasureLedgerCheck}).
 * It holds no personal data: ids are random UUIDs, times are times.
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

    private final Path file;
    private Map<UUID, Instant> entries;

    ErasureLedger(MatchmakingProperties properties) {
        this.file = properties.erasureLedgerFile().toAbsolutePath();
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
        String line = "{\"subject\":\"" + subject + "\",\"erasedAt\":\"" + erasedAt + "\"}\n";
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
        entries.put(subject, erasedAt);
    }

    /** Appends the erasure once the current transaction commits (at once without one). */
    void appendAfterCommit(UUID subject, Instant erasedAt) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(subject, erasedAt);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    append(subject, erasedAt);
                } catch (RuntimeException e) {
                    // The erasure stands; the periodic sync copies it from the database's fences.
                    log.error("Erasure of subject {} not written to the erasure ledger yet ({})", subject,
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
        if (Files.exists(file)) {
            try {
                int number = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    number++;
                    Matcher m = LINE.matcher(line.strip());
                    if (line.isBlank()) {
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
        return entries;
    }
}
