package com.matchmaking.schema.erasure;

/** Why a member was erased; the receipt names it (by the constant's name, as the receipts table stores it). */
public enum ErasureCause {
    /** The member asked (and did not cancel within the cooling-off period, or asked to be erased at once). */
    MEMBER_REQUEST,
    /** The member was inactive past the retention period and its notice. */
    RETENTION,
    /** The erasure ledger outside the database said the member had been erased; a restore had brought them back. */
    ERASURE_LEDGER
}
