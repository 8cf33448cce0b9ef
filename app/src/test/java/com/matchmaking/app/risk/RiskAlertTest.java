package com.matchmaking.app.risk;

import com.matchmaking.schema.risk.AlertDecision;
import com.matchmaking.schema.risk.RaiseRiskAlert;
import com.matchmaking.schema.risk.ResolveRiskAlert;
import com.matchmaking.schema.risk.RiskAlertRaised;
import com.matchmaking.schema.risk.RiskAlertResolved;
import com.matchmaking.schema.risk.RiskRule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The risk alert's rules: raised once, resolved once, never by the person it is about. */
class RiskAlertTest {

    private static final UUID ALERT = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    private static final UUID STAFF = UUID.fromString("00000000-0000-4000-8000-0000000000e2");
    private static final UUID OFFICER = UUID.fromString("00000000-0000-4000-8000-0000000000e3");
    private static final UUID MEMBER = UUID.fromString("00000000-0000-4000-8000-0000000000e4");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final RiskAlertRaised RAISED = new RiskAlertRaised(ALERT, STAFF, "STAFF", RiskRule.REVEALS, 11, 10,
            Duration.ofHours(1), T0);

    private FixtureConfiguration<RiskAlert> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(RiskAlert.class);
    }

    @Test
    void aRuleHitRaisesAnAlertWithItsCountsAndNothingPersonal() {
        fixture.givenNoPriorActivity()
                .when(new RaiseRiskAlert(ALERT, STAFF, "STAFF", RiskRule.REVEALS, 11, 10, Duration.ofHours(1), T0))
                .expectEvents(RAISED);
    }

    @Test
    void complianceResolvesAnAlertOnceWithANote() {
        fixture.given(RAISED).when(new ResolveRiskAlert(ALERT, OFFICER, AlertDecision.REINSTATE, "Month-end calls", T1))
                .expectEvents(new RiskAlertResolved(ALERT, STAFF, "STAFF", RiskRule.REVEALS, OFFICER, AlertDecision.REINSTATE,
                        "Month-end calls", T1));
        fixture.given(RAISED, new RiskAlertResolved(ALERT, STAFF, "STAFF", RiskRule.REVEALS, OFFICER,
                        AlertDecision.KEEP_SUSPENDED, "Looked at celebrities", T1))
                .when(new ResolveRiskAlert(ALERT, OFFICER, AlertDecision.REINSTATE, "Changed my mind", T1))
                .expectNoEvents().expectExceptionMessage("The alert is already resolved");
    }

    @Test
    void nobodyResolvesAnAlertAboutThemselves() {
        fixture.given(RAISED).when(new ResolveRiskAlert(ALERT, STAFF, AlertDecision.REINSTATE, "It was me, all fine", T1))
                .expectNoEvents().expectExceptionMessage("Nobody may resolve an alert about their own account");
    }

    @Test
    void aMemberAccountIsNeverSuspendedSoCannotBeReinstated() {
        fixture.given(new RiskAlertRaised(ALERT, MEMBER, "MEMBER", RiskRule.EXPORT_VOLUME, 11, 10, Duration.ofDays(1), T0))
                .when(new ResolveRiskAlert(ALERT, OFFICER, AlertDecision.REINSTATE, "The member was moving", T1))
                .expectNoEvents().expectExceptionMessage("Only a staff account is suspended and can be reinstated");
    }
}
