package com.matchmaking.keys.vault;

import com.google.crypto.tink.Aead;

/**
 * The live key of one subject's key group, to encrypt with. The generation goes into the stored value so that a
 * later read finds this key again, or learns that it was destroyed.
 */
public record WriteKey(int generation, Aead aead) {
}
