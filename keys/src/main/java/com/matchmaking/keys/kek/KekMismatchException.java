package com.matchmaking.keys.kek;

/**
 * The node's key-encryption key is missing or is not the one the database's keys are wrapped with. Thrown at start,
 * before any key is touched; the message names where the KEK was looked for and what to configure, never key
 * material.
 */
public class KekMismatchException extends IllegalStateException {

    public KekMismatchException(String message) {
        super(message);
    }
}
