package com.matchmaking.keys.vault;

import com.google.crypto.tink.Aead;

/** What reading one stored value meets: a live key, or a key destroyed by erasure or by shredding its group. */
public sealed interface ReadKey {

    /** The key exists; decrypt with it. */
    record Live(Aead aead) implements ReadKey {
    }

    /** The key was destroyed; the value reads back as its placeholder. */
    record Shredded() implements ReadKey {
    }

    ReadKey SHREDDED = new Shredded();
}
