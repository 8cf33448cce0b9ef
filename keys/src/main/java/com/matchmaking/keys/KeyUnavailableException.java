package com.matchmaking.keys;

/**
 * A key that should exist could not be reached or opened: the database or the key-encryption key is
 * unavailable, or a key is missing without an erasure fence. Never answered with a placeholder, and a write
 * that needs the key is refused, so nothing is ever stored in the clear by accident.
 *
 * <p>Messages name subject ids and key groups only, never a personal value or key material.
 */
public class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String message) {
        super(message);
    }

    public KeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
