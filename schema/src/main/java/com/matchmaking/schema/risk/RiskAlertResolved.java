package com.matchmaking.schema.risk;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * Compliance resolved an alert. The note is free text about the flagged account's holder, so it is encrypted under
 * their key.
 */
@Revision("1")
public record RiskAlertResolved(@NotPersonal("an alert id") UUID alertId,
                                @DataSubjectId UUID accountId,
                                @NotPersonal("STAFF or MEMBER") String accountKind,
                                @NotPersonal RiskRule rule,
                                @NotPersonal("a staff id") UUID resolverId,
                                @NotPersonal AlertDecision decision,
                                @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.ACCESS_MONITORING) String note,
                                @NotPersonal Instant resolvedAt) {
}
