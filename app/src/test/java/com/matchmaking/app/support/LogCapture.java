package com.matchmaking.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the application logs while it is attached, every level that reaches the root logger, as the text a log
 * file would hold: message, MDC, exception chain with messages and stack traces.
 *
 * <p>It stays attached when Logback is reset: Spring Boot resets it when an application starts after another has
 * closed, which other lanes of the suite do at any time (junit-platform.properties). Detached then, a test that
 * searches the log for the values it put in would find nothing and pass for the wrong reason.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final LoggerContextListener reattach = new LoggerContextListener() {
        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            // The reset detached and stopped every appender of the root logger, this one included.
            start();
            root(context).addAppender(LogCapture.this);
        }

        @Override
        public void onStart(LoggerContext context) {
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    };

    public static LogCapture attach() {
        return attach((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    static LogCapture attach(LoggerContext context) {
        LogCapture capture = new LogCapture();
        capture.setContext(context);
        capture.start();
        root(context).addAppender(capture);
        context.addListener(capture.reattach);
        return capture;
    }

    private static Logger root(LoggerContext context) {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
                .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append("\n").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                line.append("\n\t").append(frame.getSTEAsString());
            }
        }
        lines.add(line.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> linesContaining(String needle) {
        return lines.stream().filter(l -> l.contains(needle)).toList();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) getContext();
        context.removeListener(reattach);
        root(context).detachAppender(this);
        stop();
    }
}
