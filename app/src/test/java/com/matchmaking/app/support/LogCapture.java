package com.matchmaking.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the application logs while it is attached, every level that reaches the root logger, as the text a log
 * file would hold: message, MDC, exception chain with messages and stack traces.
 *
 * <p>The lines come from {@link LogCaptureAppender}, which logback-test.xml puts on the root logger. Spring Boot
 * configures Logback again from that file whenever an application starts after another has closed, which other lanes
 * of the suite do at any time (junit-platform.properties); an appender added to the root logger by hand was dropped
 * then, and a test that searched the log for the values it put in found nothing and passed for the wrong reason.
 */
public final class LogCapture implements AutoCloseable {

    private static final List<LogCapture> ATTACHED = new CopyOnWriteArrayList<>();

    private final List<String> lines = new ArrayList<>();

    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        ATTACHED.add(capture);
        return capture;
    }

    static boolean anyAttached() {
        return !ATTACHED.isEmpty();
    }

    static void receive(String line) {
        for (LogCapture capture : ATTACHED) {
            capture.add(line);
        }
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> linesContaining(String needle) {
        return lines.stream().filter(l -> l.contains(needle)).toList();
    }

    @Override
    public void close() {
        ATTACHED.remove(this);
    }
}
