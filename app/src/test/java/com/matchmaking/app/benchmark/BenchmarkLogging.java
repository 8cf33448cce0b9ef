package com.matchmaking.app.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmarks' logging: their own figures on the console, the application's warnings and errors only. */
final class BenchmarkLogging {

    private BenchmarkLogging() {
    }

    /**
     * Warnings and errors only, whatever logback-test.xml files the test classpath holds: set before anything logs,
     * and handed to each application through {@code logging.config}.
     */
    static void quiet(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path config = workDir.resolve("logback-benchmark.xml");
        Files.writeString(config, """
                <configuration>
                    <statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
                    <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                    </appender>
                    <logger name="org.springframework.core.annotation" level="ERROR"/>
                    <logger name="io.micrometer" level="ERROR"/>
                    <logger name="com.matchmaking.keys.kek" level="ERROR"/>
                    <root level="WARN"><appender-ref ref="CONSOLE"/></root>
                </configuration>
                """);
        System.setProperty("logback.configurationFile", config.toString());
        org.slf4j.LoggerFactory.getILoggerFactory();
        // Read once by logback itself; Spring Boot, which warns about it, reads logging.config instead.
        System.clearProperty("logback.configurationFile");
        System.setProperty("logging.config", config.toUri().toString());
    }
}
