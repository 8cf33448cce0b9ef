package com.matchmaking.readmodels.member;

/**
 * The member read models of every staff audience share one event processor: each event is then read and decrypted
 * once for all of them, instead of once per read model. They are rebuilt together and move on together.
 */
public final class MemberReadModels {

    /** The processing group of every member read model. */
    public static final String PROCESSING_GROUP = "member-read-models";

    private MemberReadModels() {
    }
}
