package com.matchmaking.schema;

/**
 * The key groups personal data is encrypted under. Each group of a subject has its own key, so one group can be
 * shredded (sensitive fields when their consent is withdrawn) while the member stays.
 */
public final class KeyGroups {

    /** Who the member is and what they look for: name, birth date, city, about me, preferences. */
    public static final String PROFILE = "profile";
    /**
     * How to reach and recognise the member: phone, email, WeChat id, and the password hash of their login. (The
     * hash has no group of its own: nothing ever shreds it apart from the contact data, and every group of a subject
     * is one more key to create, store and unwrap.)
     */
    public static final String CONTACT = "contact";
    /** Data that needs its own consent: income band, ID number. */
    public static final String SENSITIVE = "sensitive";

    /**
     * What an introduction holds about the two members in it (the matchmaker's note, meetings, feedback), under the
     * introduction's own key: it concerns both, so it is destroyed when either of them is erased.
     */
    public static final String INTRODUCTION = "introduction";

    /** What a confidential record (a leak report) holds about the people in it, under the record's own key. */
    public static final String CASE = "case";

    private KeyGroups() {
    }
}
