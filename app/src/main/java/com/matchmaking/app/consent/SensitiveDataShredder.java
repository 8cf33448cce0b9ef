package com.matchmaking.app.consent;

import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Withdrawing consent to sensitive data shreds that key group alone, in the same transaction as the withdrawal:
 * every sensitive value ever stored for the member becomes unreadable, while the rest of their data stays.
 */
@Component
@ProcessingGroup(SensitiveDataShredder.GROUP)
class SensitiveDataShredder {

    static final String GROUP = "consent-shredding";

    private final SubjectKeyVault vault;

    SensitiveDataShredder(SubjectKeyVault vault) {
        this.vault = vault;
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        if (event.purpose() == ConsentPurpose.SENSITIVE_DATA) {
            vault.destroyGroup(event.memberId(), KeyGroups.SENSITIVE);
        }
    }
}
