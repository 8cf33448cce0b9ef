package com.matchmaking.app.leakreport;

import com.matchmaking.schema.leakreport.AddLeakCaseNote;
import com.matchmaking.schema.leakreport.CloseLeakCase;
import com.matchmaking.schema.leakreport.FileLeakReport;
import com.matchmaking.schema.leakreport.LeakCaseClosed;
import com.matchmaking.schema.leakreport.LeakCaseNoteAdded;
import com.matchmaking.schema.leakreport.LeakCaseOutcome;
import com.matchmaking.schema.leakreport.LeakCategory;
import com.matchmaking.schema.leakreport.LeakInvestigationStarted;
import com.matchmaking.schema.leakreport.LeakReportFiled;
import com.matchmaking.schema.leakreport.RecordLeakCaseView;
import com.matchmaking.schema.leakreport.StartLeakInvestigation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** A leak case's life: filed, taken up, noted, closed once. */
class LeakReportTest {

    private static final UUID REPORT = UUID.fromString("00000000-0000-4000-8000-00000000001e");
    private static final UUID REPORTER = UUID.fromString("00000000-0000-4000-8000-00000000002e");
    private static final UUID OFFICER = UUID.fromString("00000000-0000-4000-8000-00000000003e");
    private static final Instant T = Instant.parse("2026-11-29T08:00:00Z");
    private static final LeakReportFiled FILED = new LeakReportFiled(REPORT, REPORTER, LeakCategory.DATA_LEAK,
            "Printed member list left in the lobby", null, null, T);

    private FixtureConfiguration<LeakReport> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(LeakReport.class);
    }

    @Test
    void filingRecordsTheReportWithItsReporter() {
        fixture.givenNoPriorActivity()
                .when(new FileLeakReport(REPORT, REPORTER, LeakCategory.DATA_LEAK, "Printed member list left in the lobby",
                        null, null, T))
                .expectEvents(FILED);
    }

    @Test
    void anOpenCaseIsTakenUpOnceAndAClosedCaseTakesNothingMore() {
        fixture.given(FILED).when(new StartLeakInvestigation(REPORT, OFFICER, T))
                .expectEvents(new LeakInvestigationStarted(REPORT, OFFICER, T));
        fixture.given(FILED, new LeakInvestigationStarted(REPORT, OFFICER, T)).when(new StartLeakInvestigation(REPORT, OFFICER, T))
                .expectNoEvents().expectExceptionMessage("Only an open case can be taken up");
        fixture.given(FILED).when(new CloseLeakCase(REPORT, OFFICER, LeakCaseOutcome.NOT_SUBSTANTIATED, "Nothing found", T))
                .expectEvents(new LeakCaseClosed(REPORT, OFFICER, LeakCaseOutcome.NOT_SUBSTANTIATED, "Nothing found", T));
        fixture.given(FILED, new LeakCaseClosed(REPORT, OFFICER, LeakCaseOutcome.SUBSTANTIATED, "Done", T))
                .when(new AddLeakCaseNote(REPORT, OFFICER, "More", T))
                .expectNoEvents().expectExceptionMessage("The case is closed");
        fixture.given(FILED).when(new AddLeakCaseNote(REPORT, OFFICER, "Called the reporter", T))
                .expectEvents(new LeakCaseNoteAdded(REPORT, OFFICER, "Called the reporter", T));
    }

    /** A compliance officer named as the suspect who would read the case, bury it or learn who reported them. */
    @Test
    void theSuspectNeitherReadsNorWorksNorClosesTheirCase() {
        LeakReportFiled naming = new LeakReportFiled(REPORT, REPORTER, LeakCategory.DATA_LEAK,
                "Officer exported the member list", OFFICER, null, T);
        fixture.given(naming).when(new RecordLeakCaseView(REPORT, OFFICER, T))
                .expectNoEvents().expectExceptionMessage("No such leak case");
        fixture.given(naming).when(new StartLeakInvestigation(REPORT, OFFICER, T))
                .expectNoEvents().expectExceptionMessage("No such leak case");
        fixture.given(naming).when(new AddLeakCaseNote(REPORT, OFFICER, "Nothing to see", T))
                .expectNoEvents().expectExceptionMessage("No such leak case");
        fixture.given(naming).when(new CloseLeakCase(REPORT, OFFICER, LeakCaseOutcome.NOT_SUBSTANTIATED, "Nothing", T))
                .expectNoEvents().expectExceptionMessage("No such leak case");
        UUID colleague = UUID.fromString("00000000-0000-4000-8000-00000000004e");
        fixture.given(naming).when(new StartLeakInvestigation(REPORT, colleague, T))
                .expectEvents(new LeakInvestigationStarted(REPORT, colleague, T));
    }
}
