package com.matchmaking.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can move: real time plus an offset, so it keeps ticking (ordering, timeouts and token lifetimes keep
 * working) while a test jumps it to tomorrow night or two years ahead. Import {@link Configuration} to make it the
 * application's clock. Only ever move it forward of real time: login tokens are checked against the real clock.
 */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Makes this clock the application's one. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    /** Moves the clock so that it reads {@code instant} now (and ticks on from there). */
    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
