package com.matchmaking.app.export;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The right of access: one JSON document with every value the member ever gave, when, and who looked. */
class MemberDataExportTest extends IntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void theExportHoldsCurrentValuesEveryChangeWithItsTimeConsentsAndTheAccessLog() {
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        var as = api().as(member.token());
        as.documentName("updateMyProfile").variable("input", Map.of("city", "Xi'an")).execute().path("updateMyProfile").hasValue();
        as.documentName("updateMyProfile").variable("input", Map.of("city", "Chengdu", "clear", List.of("WECHAT_ID")))
                .execute().path("updateMyProfile").hasValue();
        as.documentName("updateMyPreferences").variable("input", Map.of("heightCm", Map.of("min", 170, "required", false, "weight", 4)))
                .execute().path("updateMyPreferences").hasValue();
        as.documentName("grantConsent").variable("purpose", "PERSONALISED_RECOMMENDATIONS").execute().path("grantConsent").hasValue();
        api().export(member.token());

        Map<String, Object> export = api().export(member.token());

        assertThat(export).containsEntry("format", "matchmaking-member-export/1")
                .containsEntry("memberId", member.memberId().toString())
                .containsEntry("acceptedPrivacyPolicyVersion", "2026-11");
        Map<String, Object> profile = (Map<String, Object>) export.get("profile");
        assertThat(profile).containsEntry("city", "Chengdu").containsEntry("wechatId", null)
                .containsEntry("fullName", data.fullName()).containsEntry("email", data.email())
                .containsEntry("phone", data.storedPhone()).containsEntry("birthDate", data.birthDate().toString())
                .containsEntry("incomeBand", "FROM_300K_TO_600K").containsEntry("aboutMe", data.aboutMe());
        assertThat((Map<String, Object>) export.get("preferences")).containsKey("heightCm");

        List<Map<String, Object>> history = (List<Map<String, Object>>) export.get("history");
        assertThat(history).extracting(h -> h.get("event")).containsExactly("MemberRegistered", "ProfileUpdated",
                "ProfileUpdated", "PreferencesUpdated", "ConsentGranted");
        assertThat((Map<String, Object>) history.get(0).get("values")).containsEntry("city", data.city())
                .containsEntry("wechatId", data.wechatId()).containsEntry("occupation", data.occupation());
        assertThat((Map<String, Object>) history.get(1).get("values")).containsExactly(Map.entry("city", "Xi'an"));
        assertThat((Map<String, Object>) history.get(2).get("values")).containsEntry("city", "Chengdu").containsEntry("wechatId", null);
        assertThat(history).allSatisfy(change -> {
            assertThat(Instant.parse((String) change.get("at"))).isBefore(Instant.now());
            assertThat(change).containsEntry("actorId", member.memberId().toString()).containsEntry("actorRole", "MEMBER");
        });

        List<Map<String, Object>> consents = (List<Map<String, Object>>) export.get("consents");
        assertThat(consents).anySatisfy(c -> assertThat(c).containsEntry("purpose", "PERSONALISED_RECOMMENDATIONS")
                .containsEntry("granted", true).containsEntry("policyVersion", "2026-11"));
        assertThat(consents).anySatisfy(c -> assertThat(c).containsEntry("purpose", "SENSITIVE_DATA").containsEntry("granted", true));

        List<Map<String, Object>> accessLog = (List<Map<String, Object>>) export.get("accessLog");
        assertThat(accessLog).as("both exports, this one included, are logged access").hasSize(2)
                .allSatisfy(a -> assertThat(a).containsEntry("event", "MemberDataExported").containsEntry("purpose", "data-export"));
    }
}
