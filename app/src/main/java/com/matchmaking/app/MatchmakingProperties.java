package com.matchmaking.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of the backend, with defaults that work on a fresh machine. The README lists them with their
 * environment variable names (Spring's relaxed binding: {@code matchmaking.erasure.grace-period} is
 * {@code MATCHMAKING_ERASURE_GRACE_PERIOD}).
 *
 * @param dataDir       where the embedded PostgreSQL and the local KEK file live (ignored by git)
 * @param ledgerDir     where the witnesses of the database live (the erasure ledger, the audit chain's anchor);
 *                      default: the data folder's sibling {@code <data-dir>-ledger}, never inside the data folder, so
 *                      that restoring the data folder (or the database in it) from a backup does not roll them back
 * @param encryption    crypto-shredding switches
 * @param erasure       erasure timing
 * @param auth          tokens and passwords
 * @param privacyPolicy  the privacy policy members accept
 * @param staff          rules for staff access
 * @param bootstrapAdmin the first administrator, created at start-up when absent
 */
@ConfigurationProperties("matchmaking")
public record MatchmakingProperties(
        @DefaultValue("data") Path dataDir,
        Path ledgerDir,
        @DefaultValue Encryption encryption,
        @DefaultValue Erasure erasure,
        @DefaultValue Auth auth,
        @DefaultValue PrivacyPolicy privacyPolicy,
        @DefaultValue Staff staff,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /**
     * @param enabled whether personal fields are encrypted; only the benchmark turns this off, for its baseline.
     *                Refused under the {@code prod} profile (EncryptionSwitchGuard)
     */
    public record Encryption(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param gracePeriod  cooling-off period between a request and the erasure; PT0S erases at once
     * @param pollInterval how often due erasures are looked for
     * @param ledgerFile   the erasure ledger kept outside the database (subject ids, destroyed key groups and times);
     *                     default {@code <ledger-dir>/erasure-ledger.jsonl}. Keep it on other storage than the database
     *                     and its backups: after a restore it is what says who must be erased again
     */
    public record Erasure(@DefaultValue("P14D") Duration gracePeriod, @DefaultValue("PT10S") Duration pollInterval,
                          Path ledgerFile) {
    }

    /** The erasure ledger's file: configured, or in the ledger folder (never inside the data folder by default). */
    public Path erasureLedgerFile() {
        return erasure.ledgerFile() != null ? erasure.ledgerFile() : ledgerFolder().resolve("erasure-ledger.jsonl");
    }

    /** The ledger folder: configured, or {@code <data-dir>-ledger} beside the data folder. */
    public Path ledgerFolder() {
        if (ledgerDir != null) {
            return ledgerDir;
        }
        Path data = dataDir.toAbsolutePath().normalize();
        Path name = data.getFileName();
        return data.resolveSibling((name == null ? "data" : name.toString()) + "-ledger");
    }

    /** Where the erasure ledger was kept by default before it moved out of the data folder. */
    public Path legacyErasureLedgerFile() {
        return dataDir.resolve("erasure-ledger.jsonl");
    }

    /**
     * @param tokenTtl          lifetime of a login token
     * @param bcryptStrength    cost of the password hash (log2 rounds)
     * @param lockoutAfter      failed logins in a row after which a login name is locked
     * @param lockoutDuration   the first lock's length; each further failure doubles it
     * @param lockoutMaximum    the longest a lock lasts
     */
    public record Auth(@DefaultValue("PT1H") Duration tokenTtl, @DefaultValue("11") int bcryptStrength,
                       @DefaultValue("5") int lockoutAfter, @DefaultValue("PT1M") Duration lockoutDuration,
                       @DefaultValue("PT1H") Duration lockoutMaximum) {
    }

    /**
     * @param trainingValidFor how long privacy training counts as current
     */
    public record Staff(@DefaultValue("P12M") java.time.Period trainingValidFor) {
    }

    /**
     * @param username    login of the first administrator ({@code MATCHMAKING_BOOTSTRAP_ADMIN_USERNAME})
     * @param password    their password ({@code MATCHMAKING_BOOTSTRAP_ADMIN_PASSWORD}); none is created without both
     * @param displayName how the directory names them
     */
    public record BootstrapAdmin(String username, String password, @DefaultValue("Administrator") String displayName) {
    }

    /**
     * @param version the current version, which registration must accept
     * @param text    the agency's own text shown to members above the generated notice; lines {@code [zh-CN]} and
     *                {@code [en]} open the section of each language ({@code PrivacyNotices})
     * @param contact whom members contact about their personal information, shown in the notice
     */
    public record PrivacyPolicy(@DefaultValue("2026-11") String version,
                                @DefaultValue("[zh-CN]\n我们用只属于您的密钥加密保存您的数据，员工只能看到其工作所需的信息，每一次查看都有记录；您离开时，我们销毁您的密钥。\n[en]\nWe keep your data encrypted under a key of your own, show staff only what their role needs, log every look at it, and destroy your key when you leave.")
                                String text,
                                @DefaultValue("privacy@matchmaking.example") String contact) {
    }
}
