package com.matchmaking.keys;

/**
 * A stored ciphertext failed authentication with a live key: it was altered, or copied from another subject or
 * another property. The message names where, never what.
 */
public class CiphertextIntegrityException extends RuntimeException {

    public CiphertextIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }

    public CiphertextIntegrityException(String message) {
        super(message);
    }
}
