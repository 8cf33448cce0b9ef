package com.matchmaking.schema.access;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.schema.member.ProfileField;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An access event: the package of an approved third-party share was produced, once, holding only {@code fields},
 * and handed to the staff member who requested it. Recipient and purpose are in the share's request event.
 */
@Revision("1")
public record MemberDataShared(@DataSubjectId UUID memberId,
                               @NotPersonal("a share id") UUID shareId,
                               @NotPersonal("a staff id") UUID staffId,
                               @NotPersonal("a role name") String staffRole,
                               @NotPersonal("field names of a fixed list") Set<ProfileField> fields,
                               @NotPersonal Instant sharedAt) {
}
