package com.matchmaking.app.policy;

import com.matchmaking.schema.purpose.DataPurposes;
import com.matchmaking.schema.purpose.Purpose;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purpose type maps to the exact codes stored in the clear in events' metadata: every code a command has ever
 * been sent with (each literal the code held before the type existed; the repository's history holds no others) is
 * a constant's, and each constant's code is one of them, so a renamed code cannot slip through.
 */
class PurposeTest {

    /** Every {@code purpose} stored in events' metadata so far. Never remove one: stored events keep it. */
    static final List<String> STORED_IN_METADATA = List.of(
            "self-service", "id-verification", "consent", "registration", "email-change",
            "erasure-request", "erasure-cancel", "erasure-grace-period-passed", "erasure-ledger-reapply",
            "retention-notice", "retention-member-returned", "retention-inactive", "legal-hold", "legal-hold-release",
            "risk-rule", "risk-alert", "risk-alert-resolution",
            "privacy-policy-publication", "privacy-policy-configured", "privacy-policy-acceptance",
            "matchmaking", "introduction-contact", "customer-care", "data-export", "audit-trail",
            "staff-administration", "bootstrap-administrator", "reveal", "profile-view", "member-assignment",
            "leak-report", "leak-investigation",
            "third-party-share-request", "third-party-share-consent", "third-party-share-refusal",
            "third-party-share-approval", "third-party-share");

    @Test
    void everyStoredMetadataValueMapsToAConstantWithTheSameCode() {
        for (String stored : STORED_IN_METADATA) {
            assertThat(Purpose.ofCode(stored)).as(stored).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo(stored));
        }
        assertThat(Purpose.ofCode("Self-Service")).isEmpty();
    }

    @Test
    void everyConstantIsAStoredCodeOrARegisteredPurpose() {
        List<String> unknown = Arrays.stream(Purpose.values())
                .filter(p -> !p.isRegistered() && !STORED_IN_METADATA.contains(p.code())).map(Purpose::name).toList();
        assertThat(unknown).as("reasons for a command whose code is not pinned above").isEmpty();
        assertThat(Arrays.stream(Purpose.values()).map(Purpose::code).distinct()).hasSize(Purpose.values().length);
    }

    @Test
    void theAnnotationCodesAreExactlyTheRegistry() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : DataPurposes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).containsExactlyElementsOf(Purpose.registry().stream().map(Purpose::code).toList());
        assertThat(Purpose.registry()).allSatisfy(p -> assertThat(p.basis()).isNotNull())
                .contains(Purpose.ACCOUNT, Purpose.CUSTOMER_CARE).doesNotContain(Purpose.SELF_SERVICE);
    }
}
