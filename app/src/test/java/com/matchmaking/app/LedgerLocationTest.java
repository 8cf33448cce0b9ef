package com.matchmaking.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The witnesses of the database (the erasure ledger, the audit chain's anchor) are not kept inside its data folder by
 * default: whoever restores the data folder from a backup, or copies it back, must not roll them back with it.
 */
class LedgerLocationTest {

    @Test
    void theLedgerFolderIsBesideTheDataFolderNotInIt() {
        MatchmakingProperties defaults = bind(Map.of());
        Path data = defaults.dataDir().toAbsolutePath().normalize();
        assertThat(defaults.erasureLedgerFile().toAbsolutePath().normalize().startsWith(data)).isFalse();
        assertThat(defaults.erasureLedgerFile().toAbsolutePath().normalize()).isEqualTo(data.resolveSibling("data-ledger").resolve("erasure-ledger.jsonl"));
        assertThat(defaults.ledgerFolder().toAbsolutePath().normalize().startsWith(data)).isFalse();

        MatchmakingProperties elsewhere = bind(Map.of("matchmaking.data-dir", "/srv/agency/db"));
        assertThat(elsewhere.erasureLedgerFile()).isEqualTo(Path.of("/srv/agency/db-ledger/erasure-ledger.jsonl"));

        MatchmakingProperties configured = bind(Map.of("matchmaking.ledger-dir", "/mnt/witness"));
        assertThat(configured.erasureLedgerFile()).isEqualTo(Path.of("/mnt/witness/erasure-ledger.jsonl"));
    }

    private static MatchmakingProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("matchmaking", MatchmakingProperties.class);
    }
}
