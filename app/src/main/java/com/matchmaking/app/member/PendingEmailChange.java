package com.matchmaking.app.member;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;

import java.util.UUID;

/**
 * A member's new address waiting for its code, as stored in {@code pending_email_change}: serialized by the event
 * serializer, so the address is encrypted under the member's own contact key (erasing the member shreds it too).
 */
record PendingEmailChange(@DataSubjectId UUID memberId,
                          @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.ACCOUNT, placeholder = PersonalData.ERASED_AS_NULL)
                          String email) {
}
