package com.matchmaking.schema.access;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * An access event: a compliance officer read the member's audit trail (personal values masked, reasons in full) for
 * the period {@code from} to {@code to} ({@code null}: open-ended).
 */
@Revision("1")
public record MemberAuditTrailViewed(@DataSubjectId UUID memberId,
                                     @NotPersonal("a staff id") UUID staffId,
                                     @NotPersonal("a role name") String staffRole,
                                     @NotPersonal Instant from,
                                     @NotPersonal Instant to,
                                     @NotPersonal Instant viewedAt) {
}
