package com.matchmaking.app.support;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The capture keeps capturing when Logback is reset, as Spring Boot does when an application starts in another lane. */
class LogCaptureTest {

    @Test
    void aResetOfLogbackLeavesTheCaptureAttached() {
        LoggerContext context = started();
        try (LogCapture capture = LogCapture.attach(context)) {
            context.getLogger("before").info("first line");
            context.reset();
            context.getLogger("after").info("second line");

            assertThat(capture.lines()).hasSize(2);
            assertThat(capture.linesContaining("second line")).hasSize(1);
        }
    }

    @Test
    void aClosedCaptureIsNotAttachedAgainByAReset() {
        LoggerContext context = started();
        LogCapture capture = LogCapture.attach(context);
        capture.close();
        context.reset();
        context.getLogger("after").info("a line");

        assertThat(capture.lines()).isEmpty();
    }

    private static LoggerContext started() {
        LoggerContext context = new LoggerContext();
        // The application's context has one; a bare one would fail every line that reads the MDC.
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        return context;
    }
}
