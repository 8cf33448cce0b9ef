package com.matchmaking.app.policy;

import com.matchmaking.app.problem.Messages;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.purpose.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minimal collection, declared: every personal field names a registered purpose, and the privacy policy, the
 * member's export and the README all say what the registry says.
 */
class PurposeRegistryTest extends IntegrationTest {

    @Autowired
    PersonalDataInventory inventory;
    @Autowired
    Messages messages;

    @Test
    void theInventoryCoversEveryPersonalFieldWithARegisteredPurpose() {
        assertThat(inventory.entries()).extracting(e -> e.purpose().code())
                .contains("account", "matchmaking", "contact", "sensitive-profile", "identity-verification", "accountability");
        assertThat(inventory.entries()).flatExtracting(e -> List.copyOf(e.fields()))
                .contains("fullName", "email", "phone", "wechatId", "birthDate", "incomeBand", "maskedIdNumber",
                        "passwordHash", "reason", "preferences");
    }

    @Test
    void thePrivacyPolicyNamesEveryPurposeWithItsFieldsAndLegalBasis() {
        // In plain words of the reader's language (PrivacyNoticeTest): here English, with the laws it cites.
        String text = api().inLanguage("en").anonymous().documentName("privacyPolicy").execute().path("privacyPolicy.text")
                .entity(String.class).get();
        for (PersonalDataInventory.Entry entry : inventory.entries()) {
            String code = entry.purpose().code();
            assertThat(text).contains(messages.label("purpose." + code, Locale.ENGLISH), entry.purpose().basis().pipl(),
                    entry.purpose().basis().gdpr());
            entry.fields().forEach(field -> assertThat(text).contains(messages.label("field." + code + "." + field, Locale.ENGLISH)));
        }
    }

    @Test
    void theExportSaysWhyEachFieldIsHeld() {
        String token = api().register(TestMembers.fresh()).token();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> purposes = (List<Map<String, Object>>) api().export(token).get("purposes");

        assertThat(purposes).anySatisfy(p -> assertThat(p).containsEntry("purpose", "contact")
                .containsEntry("pipl", "PIPL Art. 13(1)(2)").containsEntry("fields", List.of("phone", "wechatId")));
        assertThat(purposes).noneSatisfy(p -> assertThat(p).containsEntry("purpose", "staff-administration"));
    }

    @Test
    void everyPurposeStoredInTheLogIsAConstant() {
        api().register(TestMembers.fresh());
        // The metadata is JSON in the clear; whatever the tests run in this context before stored is read too.
        List<String> stored = jdbc.queryForList("SELECT DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'purpose' "
                + "FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8')::jsonb ? 'purpose'", String.class);

        assertThat(stored).contains("registration", "privacy-policy-configured")
                .allSatisfy(code -> assertThat(Purpose.ofCode(code)).as(code).isPresent());
    }

    @Test
    void theReadmeTableIsTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("<!-- purposes:start -->") + "<!-- purposes:start -->".length(),
                readme.indexOf("<!-- purposes:end -->")).strip();

        assertThat(table).isEqualTo(expectedTable());
    }

    private String expectedTable() {
        StringBuilder table = new StringBuilder("| purpose | what for | legal basis | fields |\n|---|---|---|---|");
        for (PersonalDataInventory.Entry entry : inventory.entries()) {
            var purpose = entry.purpose();
            table.append("\n| `").append(purpose.code()).append("` | ").append(purpose.description()).append(" | ")
                    .append(purpose.basis().description()).append(" (").append(purpose.basis().pipl()).append("; ")
                    .append(purpose.basis().gdpr()).append(") | ").append(String.join(", ", entry.fields())).append(" |");
        }
        return table.toString();
    }
}
