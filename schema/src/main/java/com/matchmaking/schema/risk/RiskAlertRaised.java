package com.matchmaking.schema.risk;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A risk rule fired for an account. Codes, counts and times only: which members were touched is in their own logs.
 * A staff account is suspended in the same transaction.
 */
@Revision("1")
public record RiskAlertRaised(@NotPersonal("an alert id") UUID alertId,
                              @DataSubjectId UUID accountId,
                              @NotPersonal("STAFF or MEMBER") String accountKind,
                              @NotPersonal RiskRule rule,
                              @NotPersonal("a count") long observed,
                              @NotPersonal("a configured threshold") long threshold,
                              @NotPersonal("a configured window") Duration window,
                              @NotPersonal Instant raisedAt) {
}
