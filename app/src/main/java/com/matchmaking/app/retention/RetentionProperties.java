package com.matchmaking.app.retention;

import com.matchmaking.app.policy.StatedRetention;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Period;

/**
 * Storage limitation ({@code matchmaking.retention.*}): members who have not logged in for {@code inactiveAfter} get
 * a retention notice, and are erased {@code noticePeriod} later unless they log in meanwhile or a legal hold stands.
 *
 * @param enabled       whether inactive members are erased at all
 * @param inactiveAfter how long without a login makes a member inactive
 * @param noticePeriod  how long a notice runs before the erasure
 * @param pollInterval  how often the retention scheduler looks
 */
@ConfigurationProperties("matchmaking.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("P2Y") Period inactiveAfter,
                                  @DefaultValue("P30D") Period noticePeriod,
                                  @DefaultValue("PT1H") Duration pollInterval) implements StatedRetention {

    public RetentionProperties {
        if (inactiveAfter.isZero() || inactiveAfter.isNegative() || noticePeriod.isNegative()) {
            throw new IllegalArgumentException("matchmaking.retention.inactive-after must be positive and the notice period not negative");
        }
    }
}
