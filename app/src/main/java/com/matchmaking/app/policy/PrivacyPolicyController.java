package com.matchmaking.app.policy;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.schema.purpose.DataPurposes;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The privacy policy members accept: the configured text, followed by what is collected, why and on which legal
 * basis, generated from the purpose registry and the classification of every stored field, so the policy cannot
 * forget a field the code collects.
 */
@Controller
class PrivacyPolicyController {

    record PrivacyPolicy(String version, String text) {
    }

    private final MatchmakingProperties properties;
    private final String collected;

    PrivacyPolicyController(MatchmakingProperties properties, PersonalDataInventory inventory) {
        this.properties = properties;
        StringBuilder text = new StringBuilder("\n\nWhat we collect, why, and on which legal basis:");
        for (PersonalDataInventory.Entry entry : inventory.entries()) {
            DataPurposes.Purpose purpose = entry.purpose();
            text.append("\n- ").append(purpose.description()).append(": ").append(String.join(", ", entry.fields()))
                    .append(". Basis: ").append(purpose.basis().description()).append(" (")
                    .append(purpose.basis().pipl()).append("; ").append(purpose.basis().gdpr()).append(").");
        }
        this.collected = text.toString();
    }

    @QueryMapping
    PrivacyPolicy privacyPolicy() {
        return new PrivacyPolicy(properties.privacyPolicy().version(), properties.privacyPolicy().text() + collected);
    }
}
