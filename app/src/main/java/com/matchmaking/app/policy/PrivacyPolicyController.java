package com.matchmaking.app.policy;

import com.matchmaking.app.MatchmakingProperties;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PrivacyPolicyController {

    record PrivacyPolicy(String version, String text) {
    }

    private final MatchmakingProperties properties;

    PrivacyPolicyController(MatchmakingProperties properties) {
        this.properties = properties;
    }

    @QueryMapping
    PrivacyPolicy privacyPolicy() {
        return new PrivacyPolicy(properties.privacyPolicy().version(), properties.privacyPolicy().text());
    }
}
