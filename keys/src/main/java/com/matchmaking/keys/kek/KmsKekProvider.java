package com.matchmaking.keys.kek;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;

import java.security.GeneralSecurityException;

/**
 * A KEK held by a key management service through any Tink {@link KmsClient} (AWS KMS, Google Cloud KMS, Vault
 * and so on): the key never leaves the KMS, and every wrap or unwrap is a call to it. The key cache in front of
 * the vault keeps those calls off the hot path.
 */
public final class KmsKekProvider implements KekProvider {

    private final String keyUri;
    private final Aead kek;

    public KmsKekProvider(KmsClient client, String keyUri) {
        if (!client.doesSupport(keyUri)) {
            throw new IllegalArgumentException("The configured KMS client does not support the key URI scheme of " + scheme(keyUri));
        }
        try {
            this.kek = client.getAead(keyUri);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot obtain the key-encryption key from the KMS (" + scheme(keyUri) + ")", e);
        }
        this.keyUri = keyUri;
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf("://");
        return colon < 0 ? "unknown" : uri.substring(0, colon);
    }

    @Override
    public Aead kek() {
        return kek;
    }

    @Override
    public String describe() {
        return "KMS key " + scheme(keyUri) + "://…";
    }
}
