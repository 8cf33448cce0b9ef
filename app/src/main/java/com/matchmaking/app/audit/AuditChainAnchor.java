package com.matchmaking.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.MatchmakingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The audit chain's witness outside the database: every checkpoint the sealer writes (global index, how many events
 * the chain holds there, the link there, when) is also appended to this file, one JSON object a line, forced to disk.
 * Someone who can write to PostgreSQL can delete the chain from a changed event on and let the sealer re-link it with
 * the real key; they cannot take the positions and links back out of this file. The sealer refuses to seal while the
 * database's chain no longer holds the newest anchored link, and verification reports the first anchored position
 * the database disagrees with.
 *
 * <p>Each node appends what it sealed itself; the links are HMACs (no personal data). A partly written last line
 * (a crash in the middle of an append) is skipped.
 */
@Component
class AuditChainAnchor {

    /** One anchored checkpoint. */
    record Entry(long upTo, long events, byte[] link, Instant anchoredAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditChainAnchor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private NavigableMap<Long, Entry> entries;

    AuditChainAnchor(MatchmakingProperties properties, AuditChainProperties chain) {
        this.file = (chain.anchorFile() != null ? chain.anchorFile() : properties.ledgerFolder().resolve("audit-anchor.jsonl"))
                .toAbsolutePath().normalize();
    }

    Path file() {
        return file;
    }

    /** The newest anchored checkpoint, or null before the first. */
    synchronized Entry latest() {
        var last = load().lastEntry();
        return last == null ? null : last.getValue();
    }

    /** Every anchored checkpoint by global index. */
    synchronized NavigableMap<Long, Entry> entries() {
        return new TreeMap<>(load());
    }

    synchronized boolean isEmpty() {
        return load().isEmpty();
    }

    /** Appends checkpoints (in global-index order) and forces them to disk before returning. */
    synchronized void append(List<Entry> checkpoints) {
        if (checkpoints.isEmpty()) {
            return;
        }
        NavigableMap<Long, Entry> known = load();
        StringBuilder lines = new StringBuilder();
        for (Entry entry : checkpoints) {
            lines.append("{\"upTo\":").append(entry.upTo()).append(",\"events\":").append(entry.events())
                    .append(",\"link\":\"").append(HEX.formatHex(entry.link())).append("\",\"anchoredAt\":\"")
                    .append(entry.anchoredAt()).append("\"}\n");
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit chain anchor " + file, e);
        }
        checkpoints.forEach(entry -> known.put(entry.upTo(), entry));
    }

    private NavigableMap<Long, Entry> load() {
        if (entries != null) {
            return entries;
        }
        NavigableMap<Long, Entry> read = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                int number = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode node = JSON.readTree(line);
                        Entry entry = new Entry(node.get("upTo").asLong(), node.get("events").asLong(),
                                HEX.parseHex(node.get("link").asText()), Instant.parse(node.get("anchoredAt").asText()));
                        read.put(entry.upTo(), entry);
                    } catch (IOException | RuntimeException e) {
                        log.warn("Audit chain anchor {}: line {} is not an entry, skipped", file, number);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the audit chain anchor " + file, e);
            }
        }
        entries = read;
        return entries;
    }
}
