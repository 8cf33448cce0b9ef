package com.matchmaking.keys.kek;

import com.google.crypto.tink.Aead;

/**
 * Supplies the key-encryption key (KEK) that wraps every per-subject keyset and lookup key before it is stored.
 * The KEK itself never reaches the database.
 */
public interface KekProvider {

    /** The KEK as an AEAD primitive. Implementations may call out to a KMS on every use. */
    Aead kek();

    /** A short description for start-up logs, without any key material. */
    String describe();
}
