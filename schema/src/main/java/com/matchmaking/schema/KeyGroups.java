package com.matchmaking.schema;

/**
 * The key groups personal data is encrypted under. Each group of a subject has its own key, so one group can be
 * shredded (sensitive fields when their consent is withdrawn) while the member stays.
 */
public final class KeyGroups {

    /** Who the member is and what they look for: name, birth date, city, about me, preferences. */
    public static final String PROFILE = "profile";
    /** How to reach the member: phone, email, WeChat id. */
    public static final String CONTACT = "contact";
    /** Data that needs its own consent: income band, ID number. */
    public static final String SENSITIVE = "sensitive";
    /** The password hash: not personal in itself, but nobody's business outside the login table. */
    public static final String CREDENTIALS = "credentials";

    private KeyGroups() {
    }
}
