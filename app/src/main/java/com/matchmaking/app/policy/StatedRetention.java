package com.matchmaking.app.policy;

import java.time.Period;

/**
 * What the privacy notice states about erasing inactive members. Owned here and implemented by the retention
 * feature's settings, so that the notice says what the retention rule does without this package depending on it.
 */
public interface StatedRetention {

    /** Whether inactive members are erased at all. */
    boolean enabled();

    /** How long without a login makes a member inactive. */
    Period inactiveAfter();

    /** How long a notice runs before the erasure. */
    Period noticePeriod();
}
