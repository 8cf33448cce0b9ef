package com.matchmaking.app.support;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture keeps receiving what is logged when Logback is reset and configured again from logback-test.xml, as
 * Spring Boot does when an application starts in another lane; once closed, it receives nothing.
 */
class LogCaptureTest {

    @Test
    void aCaptureReceivesTheLogAcrossAReconfigurationUntilItIsClosed() throws JoranException {
        String marker = "capture-" + System.nanoTime();
        LoggerContext context = new LoggerContext();
        // The application's context has one; a bare one would fail every line that reads the MDC.
        context.setMDCAdapter(new LogbackMDCAdapter());
        configure(context);
        LogCapture capture = LogCapture.attach();
        try {
            context.getLogger("com.matchmaking.before").info("{} first", marker);
            context.reset();
            configure(context);
            context.getLogger("com.matchmaking.after").info("{} second", marker);
        } finally {
            capture.close();
        }
        context.getLogger("com.matchmaking.closed").info("{} third", marker);

        assertThat(capture.linesContaining(marker)).hasSize(2);
        assertThat(capture.linesContaining(marker + " second")).singleElement().asString()
                .startsWith("INFO com.matchmaking.after - ");
        context.stop();
    }

    private static void configure(LoggerContext context) throws JoranException {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogCaptureTest.class.getResource("/logback-test.xml"));
    }
}
