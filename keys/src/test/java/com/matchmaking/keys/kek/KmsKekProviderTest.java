package com.matchmaking.keys.kek;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.matchmaking.keys.testing.KeysDatabase;
import com.matchmaking.keys.testing.SampleEvents;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.keys.testing.Vaults;
import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KmsKekProviderTest {

    /**
     * A KMS of our own behind Tink's {@link KmsClient} interface: a real AEAD that counts its calls, standing where
     * AWS, GCP or Vault would.
     */
    static final class InProcessKms implements KmsClient {
        final AtomicInteger calls = new AtomicInteger();
        private final Aead key;

        InProcessKms() throws GeneralSecurityException {
            AeadConfig.register();
            key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        }

        @Override
        public boolean doesSupport(String keyUri) {
            return keyUri.startsWith("inproc-kms://");
        }

        @Override
        public KmsClient withCredentials(String credentialPath) {
            return this;
        }

        @Override
        public KmsClient withDefaultCredentials() {
            return this;
        }

        @Override
        public Aead getAead(String keyUri) {
            return new Aead() {
                @Override
                public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
                    calls.incrementAndGet();
                    return key.encrypt(plaintext, associatedData);
                }

                @Override
                public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                    calls.incrementAndGet();
                    return key.decrypt(ciphertext, associatedData);
                }
            };
        }
    }

    @Test
    void subjectKeysWrappedByAKmsRoundTripAndTheCacheSparesTheKms() throws Exception {
        TestPostgres.Database database = KeysDatabase.migrated("keys_kms");
        InProcessKms kms = new InProcessKms();
        KmsKekProvider kek = new KmsKekProvider(kms, "inproc-kms://keys/kek-1");
        CryptoShreddingSerializer serializer = Vaults.serializer(Vaults.vault(database.dataSource(), kek));
        SampleEvents.ProfileRecorded event = SampleEvents.profile(UUID.randomUUID(), "kms");

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        int callsAfterWrite = kms.calls.get();
        for (int i = 0; i < 50; i++) {
            assertThat((SampleEvents.ProfileRecorded) serializer.deserialize(stored)).isEqualTo(event);
        }

        assertThat(callsAfterWrite).as("wrap and unwrap of three new group keys").isPositive();
        assertThat(kms.calls.get()).as("cached: no KMS call per read").isEqualTo(callsAfterWrite);
        assertThat(kek.describe()).doesNotContain("kek-1");
    }

    @Test
    void refusesAKeyUriTheClientDoesNotSupport() throws Exception {
        InProcessKms kms = new InProcessKms();

        assertThatThrownBy(() -> new KmsKekProvider(kms, "aws-kms://arn:aws:kms:secret-arn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-arn");
    }
}
