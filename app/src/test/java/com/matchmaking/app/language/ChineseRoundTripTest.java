package com.matchmaking.app.language;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Processors;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.readmodels.masking.Masking;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese names, cities and free text go in and come out unchanged: through registration, {@code me}, the export
 * and the masked read models (张** style), stored as UTF-8 in PostgreSQL and in the event log (no mojibake), and
 * normalised to NFC where they enter (a compatibility ideograph and a decomposed accent come out composed).
 */
class ChineseRoundTripTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    @SuppressWarnings("unchecked")
    void chineseTextRoundTripsThroughEveryStoreAndAnswer() throws Exception {
        TestMembers.Member base = TestMembers.fresh();
        String fullName = "欧阳" + base.marker().substring(2, 4) + "娜";
        // U+F900 is a CJK compatibility ideograph: NFC turns it into U+8C48. "e" + U+0301 becomes "é".
        String typedCity = "\uF900城";
        String city = "\u8C48城";
        String typedAbout = "喜欢爬山、读书和 Cafe\u0301；来自「北京」。" + base.marker();
        String about = "喜欢爬山、读书和 Café；来自「北京」。" + base.marker();
        String occupation = "软件工程师";
        assertThat(Normalizer.normalize(typedCity, Normalizer.Form.NFC)).isEqualTo(city).isNotEqualTo(typedCity);

        Map<String, Object> input = new HashMap<>(base.input());
        input.put("fullName", fullName);
        input.put("city", typedCity);
        input.put("aboutMe", typedAbout);
        input.put("occupation", occupation);
        Api chinese = api().inLanguage("zh-CN");
        String id = chinese.anonymous().documentName("registerMember").variable("input", input).execute()
                .path("registerMember.memberId").entity(String.class).get();
        UUID memberId = UUID.fromString(id);
        // The confirmation mail, in Chinese like the request, carries the code that makes the member.
        String token = chinese.confirm(base.email());

        chinese.as(token).documentName("me").execute()
                .path("me.fullName").entity(String.class).isEqualTo(fullName)
                .path("me.city").entity(String.class).isEqualTo(city)
                .path("me.aboutMe").entity(String.class).isEqualTo(about)
                .path("me.occupation").entity(String.class).isEqualTo(occupation);

        Map<String, Object> export = chinese.export(token);
        Map<String, Object> profile = (Map<String, Object>) export.get("profile");
        assertThat(profile).containsEntry("fullName", fullName).containsEntry("city", city).containsEntry("aboutMe", about)
                .containsEntry("occupation", occupation);
        assertThat(export).containsEntry("language", "zh-CN");
        assertThat((String) export.get("about")).contains("我们保存的关于您的全部信息");
        assertThat((List<Map<String, Object>>) export.get("purposes")).anySatisfy(p -> assertThat(p)
                .containsEntry("purpose", "contact").containsEntry("description", "联系您；仅在双方都接受介绍之后，才把您的联系方式告诉对方")
                .containsEntry("fieldLabels", Map.of("phone", "手机号", "wechatId", "微信号")));

        new Processors(processing, eventStore).awaitCaughtUp(Duration.ofSeconds(30));
        String masked = Masking.name(fullName);
        assertThat(masked).startsWith("欧").contains("*");
        for (String table : List.of("matchmaker_member_card", "service_member_card")) {
            Map<String, Object> row = jdbc.queryForMap("SELECT masked_name, city, convert_to(masked_name, 'UTF8') AS name_bytes, "
                    + "convert_to(city, 'UTF8') AS city_bytes FROM " + table + " WHERE member_id = ?", memberId);
            assertThat(row.get("masked_name")).as(table).isEqualTo(masked);
            assertThat(row.get("city")).as(table).isEqualTo(city);
            assertThat((byte[]) row.get("name_bytes")).as("%s stores UTF-8", table).isEqualTo(masked.getBytes(StandardCharsets.UTF_8));
            assertThat((byte[]) row.get("city_bytes")).as("%s stores UTF-8", table).isEqualTo(city.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(jdbc.queryForObject("SHOW server_encoding", String.class)).isEqualTo("UTF8");

        // The log holds ciphertext, but as valid UTF-8 JSON whose decrypted values (above) came back whole.
        List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                byte[].class, id);
        assertThat(payloads).isNotEmpty().allSatisfy(bytes -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)));
        assertThat(payloads).noneSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(fullName));
    }

    @Test
    void theErasureReceiptIsWordedInTheMembersLanguage() {
        TestMembers.Member member = TestMembers.fresh();
        Api chinese = api().inLanguage("zh-CN");
        String token = chinese.register(member).token();
        // This suite erases at once: the receipt comes back with the request.
        chinese.as(token).documentName("requestErasureSummary").execute()
                .path("requestErasure.state").entity(String.class).isEqualTo("ERASED")
                .path("requestErasure.receipt.summary").entity(String.class).satisfies(summary -> assertThat(summary)
                        .startsWith("您的数据已于 ").contains("把加密密钥已销毁", "原因：您本人申请。")
                        .doesNotContain(member.fullName(), member.email()));

        TestMembers.Member other = TestMembers.fresh();
        String englishToken = api().inLanguage("en").register(other).token();
        api().inLanguage("en").as(englishToken).documentName("requestErasureSummary").execute()
                .path("requestErasure.receipt.summary").entity(String.class).satisfies(summary -> assertThat(summary)
                        .startsWith("Your data was erased on ").contains("encryption keys that could read it were destroyed",
                                "Cause: you asked for it."));
    }
}
