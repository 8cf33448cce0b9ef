package com.matchmaking.keys.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an erasure destroyed: the subject, when the fence went up, and which key groups and generations were
 * deleted. No personal data, so it can go into a receipt.
 */
public record ErasedKeys(UUID subjectId, Instant erasedAt, List<DestroyedKey> destroyed) {

    /** One destroyed keyset. */
    public record DestroyedKey(String group, int generation) {
    }

    public ErasedKeys {
        destroyed = List.copyOf(destroyed);
    }
}
