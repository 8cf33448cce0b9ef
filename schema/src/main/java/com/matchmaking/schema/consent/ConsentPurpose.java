package com.matchmaking.schema.consent;

/** What a member can consent to, each separately, each withdrawable as easily as it was given. */
public enum ConsentPurpose {
    /** Processing of sensitive fields (income band, ID number); withdrawing it shreds them. */
    SENSITIVE_DATA,
    /** Recommendations computed from the member's profile and preferences. */
    PERSONALISED_RECOMMENDATIONS,
    /** Sharing selected data with a named third party, each share approved on its own. */
    THIRD_PARTY_SHARING
}
