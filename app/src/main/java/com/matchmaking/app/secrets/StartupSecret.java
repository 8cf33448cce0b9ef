package com.matchmaking.app.secrets;

/**
 * A secret of the service that a feature keeps (the audit chain's key, the token signing key, the login lookup key),
 * opened by {@link ServiceSecretsCheck} before anything else starts. The check owns this interface so that it knows
 * the secrets without knowing the features that keep them. Implementations are ordered with {@code @Order}: they are
 * opened, and a missing one stops the start, in that order.
 */
public interface StartupSecret {

    /** Opens the secret, making it only where {@code firstStart} (the event store is empty) allows. */
    void open(boolean firstStart);
}
