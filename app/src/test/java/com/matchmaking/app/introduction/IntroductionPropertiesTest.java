package com.matchmaking.app.introduction;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The weekly cap is a setting: three by default, any positive number when configured, never zero. */
class IntroductionPropertiesTest {

    private static IntroductionProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("matchmaking.introductions", IntroductionProperties.class);
    }

    @Test
    void theCapDefaultsToThreeAndCanBeConfigured() {
        assertThat(bind(Map.of()).weeklyCap()).isEqualTo(3);
        assertThat(bind(Map.of("matchmaking.introductions.weekly-cap", "7")).weeklyCap()).isEqualTo(7);
    }

    @Test
    void aCapBelowOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("matchmaking.introductions.weekly-cap", "0")))
                .isInstanceOf(BindException.class);
    }
}
