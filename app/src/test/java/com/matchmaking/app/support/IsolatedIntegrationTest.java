package com.matchmaking.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The second shared application (and database), for tests that change what every test in an application sees: the
 * clock (a year ahead for retention), the published privacy policy, the event log itself (tampering), the whole
 * population (analytics), the bootstrap administrator's first login, and risk rules tightened so that a few requests
 * trip them. Its classes run in a fixed order ({@code @Order} on each, junit-platform.properties), before the rest of
 * the suite: first those that need the application as it starts (the administrator's first login, a population of
 * their own), then retention's jump by a year, last those that publish a privacy policy (TestMembers accept the
 * configured one when they register).
 *
 * <p>The clock only moves forward. Staff touching members' data outside the working hours below is a risk rule
 * (RiskRulesTest), so every test starts at a working hour: the clock is moved on to the next 10:00 UTC when it reads
 * outside 08:00-18:00.
 *
 * <p>These classes run on JUnit's main thread, in their order, while the other lanes run beside them.
 */
@TestPropertySource(properties = {
        // Erasure waits the production grace period; tests move the clock past it.
        "matchmaking.erasure.grace-period=P14D",
        // The pool sees this node's changes at once; an hour keeps it from rereading the table (CandidateRecheckTest).
        "matchmaking.matching.refresh-interval=PT1H",
        // Sealing runs when asked (AuditChainTest), with a checkpoint every few events.
        "matchmaking.audit-chain.seal-interval=PT1H", "matchmaking.audit-chain.checkpoint-every=7",
        "matchmaking.privacy-policy.version=2026-11",
        "matchmaking.privacy-policy.text=The configured policy text of this test.",
        "matchmaking.retention.inactive-after=P1Y", "matchmaking.retention.notice-period=P30D",
        "matchmaking.retention.poll-interval=PT0.2S",
        "matchmaking.risk.distinct-members.max=3", "matchmaking.risk.distinct-members.window=PT10M",
        "matchmaking.risk.reveals.max=3", "matchmaking.risk.reveals.window=PT1H",
        "matchmaking.risk.failed-logins=2",
        "matchmaking.risk.export-volume.max=2", "matchmaking.risk.export-volume.window=P1D",
        "matchmaking.risk.working-hours.enabled=true", "matchmaking.risk.working-hours.zone=UTC",
        "matchmaking.risk.working-hours.start=08:00", "matchmaking.risk.working-hours.end=20:00"})
@Import(MutableClock.Configuration.class)
public abstract class IsolatedIntegrationTest extends ApplicationTest {

    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void workingHours() {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        if (now.toLocalTime().isBefore(LocalTime.of(8, 0)) || !now.toLocalTime().isBefore(LocalTime.of(18, 0))) {
            LocalDate day = now.toLocalTime().isBefore(LocalTime.of(8, 0)) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
            clock.set(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        }
    }
}
