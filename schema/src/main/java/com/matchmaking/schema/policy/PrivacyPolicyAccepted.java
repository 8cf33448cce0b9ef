package com.matchmaking.schema.policy;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A member accepted a version of the privacy policy, in the language they read it in and with the SHA-256 of the
 * exact text they were shown (the notice is generated from the code, so one version's text can change with a
 * deployment; the hash says which one was accepted). Revision 2 added {@code language} and {@code textHash}; events
 * of revision 1 are read with both null ({@code AcceptanceUpcasters} in the app).
 *
 * @param language the BCP 47 tag of the language shown ({@code zh-CN}, {@code en}); null before revision 2
 * @param textHash lower-case hex SHA-256 of the UTF-8 text shown; null before revision 2
 */
@Revision("2")
public record PrivacyPolicyAccepted(@DataSubjectId UUID memberId,
                                    @NotPersonal("a policy version") String version,
                                    @NotPersonal Instant acceptedAt,
                                    @NotPersonal("a language tag of a fixed list") String language,
                                    @NotPersonal("a hash of the policy text, the same for every member shown it") String textHash) {
}
