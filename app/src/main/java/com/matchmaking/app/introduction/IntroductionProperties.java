package com.matchmaking.app.introduction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Introductions ({@code matchmaking.introductions.*}).
 *
 * @param weeklyCap how many introductions a member may be proposed within seven days (declined ones count too: being
 *                  asked is what the cap spares a member from)
 */
@ConfigurationProperties("matchmaking.introductions")
record IntroductionProperties(@DefaultValue("3") int weeklyCap) {

    IntroductionProperties {
        if (weeklyCap < 1) {
            throw new IllegalArgumentException("matchmaking.introductions.weekly-cap must be at least 1");
        }
    }
}
