package com.matchmaking.schema.policy;

import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A version of the privacy policy was published. Public text, nobody's personal data. */
@Revision("1")
public record PrivacyPolicyPublished(@NotPersonal("the version's aggregate id") String policyId,
                                     @NotPersonal("a policy version") String version,
                                     @NotPersonal("the public policy text") String text,
                                     @NotPersonal Instant publishedAt) {

    /** The aggregate id of a policy version. */
    public static String idOf(String version) {
        return "privacy-policy:" + version;
    }
}
