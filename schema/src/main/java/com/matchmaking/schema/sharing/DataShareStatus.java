package com.matchmaking.schema.sharing;

/** Where a third-party share stands. */
public enum DataShareStatus {
    /** Staff asked; the member has not answered. */
    REQUESTED,
    /** The member gave their separate consent to this share; compliance has not approved it yet. */
    CONSENTED,
    /** The member refused, or took their consent back before the package was produced. */
    REFUSED,
    /** Compliance (a different person from the requester) approved it; the package can be produced once. */
    APPROVED,
    /** The package was produced and handed over. */
    SHARED,
    /** Stopped because the member withdrew their consent to THIRD_PARTY_SHARING. */
    CANCELLED;

    /** Whether the share can still go ahead. */
    public boolean open() {
        return this == REQUESTED || this == CONSENTED || this == APPROVED;
    }
}
