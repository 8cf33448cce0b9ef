package com.matchmaking.app.policy;

import com.matchmaking.app.problem.Messages;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.schema.purpose.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy notice a new member reads, over real HTTP in both languages: plain words for every purpose, field and
 * legal basis, with the retention in force, the member's rights and the privacy contact; not one identifier of the
 * code (camelCase, enum constants, purpose codes, the classification's field names). The language comes from the
 * argument or from {@code Accept-Language}, Chinese by default; the hash is the SHA-256 of the exact text.
 */
class PrivacyNoticeTest extends IntegrationTest {

    private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z0-9]*\\b");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    @Autowired
    PersonalDataInventory inventory;
    @Autowired
    Messages messages;

    @Test
    void theNoticeInEitherLanguageHoldsNoIdentifierOfTheCode() {
        for (String language : List.of("zh-CN", "en")) {
            String text = notice(api(), language).text();
            assertThat(identifiersIn(text, language)).as("identifiers in the %s notice", language).isEmpty();
        }
    }

    @Test
    void theCheckFindsTheIdentifiersOfTheOldNotice() {
        // What the notice said before: the check must see what a member could not read.
        String old = "- Find partners who suit the member: aboutMe, birthDate, city, education, fullName, gender, heightCm. "
                + "Basis: necessary (PIPL Art. 13(1)(2)).\n- Keep the member's account: email, passwordHash.";
        assertThat(identifiersIn(old, "en")).contains("aboutMe", "birthDate", "passwordHash");
        assertThat(identifiersIn("收集的信息：手机号、SENSITIVE_DATA、sensitive-profile、city", "zh-CN"))
                .contains("SENSITIVE_DATA", "sensitive-profile", "city");
    }

    @Test
    void everyPurposeFieldAndBasisIsShownInPlainWordsWithRetentionRightsAndContact() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String text = notice(api(), locale.toLanguageTag()).text();
            for (PersonalDataInventory.Entry entry : inventory.entries()) {
                String code = entry.purpose().code();
                String basis = entry.purpose().basis().labelKey();
                assertThat(text).contains(messages.label("purpose." + code, locale),
                        messages.label("purpose." + code + ".retention", locale), messages.label(basis, locale),
                        messages.label(basis + ".law", locale));
                for (String field : entry.fields()) {
                    String label = messages.label("field." + code + "." + field, locale);
                    assertThat(text).contains(label);
                    assertThat(label).as("the label of %s is words, not the field's name", field)
                            .isNotEqualToIgnoringCase(field);
                    if (locale.getLanguage().equals("zh")) {
                        assertThat(label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                                .as("%s in Chinese: %s", field, label).isTrue();
                    }
                }
            }
            assertThat(text).contains("privacy@matchmaking.example");
        }
        String chinese = notice(api(), "zh-CN").text();
        String english = notice(api(), "en").text();
        // The retention in force (the defaults: 2 years without a login, a 30-day notice; this suite erases at once).
        assertThat(chinese).contains("手机号", "微信号", "出生日期", "连续 2 年未登录", "30 天内", "0 天的冷静期",
                "查阅、复制和转移", "删除", "撤回同意", "了解谁查看过", "个人信息保护事务联系方式：privacy@matchmaking.example");
        assertThat(english).contains("phone number", "WeChat ID", "date of birth", "do not log in for 2 years",
                "within 30 days", "cooling-off period of 0 days", "See and copy your information", "Erasure",
                "Withdraw your consent", "Know who looked", "Contact for privacy matters: privacy@matchmaking.example");
    }

    @Test
    void theLanguageComesFromTheArgumentOrAcceptLanguageAndIsChineseByDefault() {
        assertThat(notice(api().inLanguage(null), null).language()).isEqualTo("zh-CN");
        assertThat(notice(api().inLanguage("en"), null).language()).isEqualTo("en");
        assertThat(notice(api().inLanguage("en-US,en;q=0.9,zh;q=0.5"), null).language()).isEqualTo("en");
        assertThat(notice(api().inLanguage("zh-TW,zh;q=0.9"), null).language()).isEqualTo("zh-CN");
        assertThat(notice(api().inLanguage("fr-FR"), null).language()).as("a language we lack").isEqualTo("zh-CN");
        assertThat(notice(api().inLanguage("en"), "zh-CN").language()).as("the argument wins").isEqualTo("zh-CN");
        assertThat(notice(api().inLanguage(null), "EN").language()).isEqualTo("en");

        api().inLanguage("en").anonymous().documentName("privacyPolicy").variable("language", "fr").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).isEqualTo("language must be one of zh-CN, en");
                }));
        api().inLanguage("zh-CN").anonymous().documentName("privacyPolicy").variable("language", "fr").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).isEqualTo("language 须为以下之一：zh-CN, en");
                }));
    }

    @Test
    void theAgencysTextIsShownInTheReadersLanguageAndTheHashIsThatOfTheExactText() throws Exception {
        Notice chinese = notice(api(), "zh-CN");
        Notice english = notice(api(), "en");

        assertThat(chinese.text()).startsWith("我们用只属于您的密钥加密保存您的数据").doesNotContain("We keep your data");
        assertThat(english.text()).startsWith("We keep your data encrypted").doesNotContain("我们用只属于您的密钥");
        for (Notice notice : List.of(chinese, english)) {
            assertThat(notice.textHash()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(notice.text().getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(chinese.textHash()).isNotEqualTo(english.textHash());
        assertThat(notice(api(), "zh-CN")).as("the same text every time").isEqualTo(chinese);
    }

    @Test
    void anAgencyTextWithoutSectionsIsShownWholeAndOneWithoutTheReadersLanguageFallsBackToTheFirst() {
        assertThat(PrivacyNotices.section("Only one text.", Locale.ENGLISH)).isEqualTo("Only one text.");
        String both = "[zh-CN]\n中文。\n[en]\nEnglish.";
        assertThat(PrivacyNotices.section(both, Locale.SIMPLIFIED_CHINESE).strip()).isEqualTo("中文。");
        assertThat(PrivacyNotices.section(both, Locale.ENGLISH).strip()).isEqualTo("English.");
        assertThat(PrivacyNotices.section("[en]\nEnglish only.", Locale.SIMPLIFIED_CHINESE).strip()).isEqualTo("English only.");
    }

    /** Identifiers of the code found in a notice. */
    private Set<String> identifiersIn(String text, String language) {
        Set<String> found = new TreeSet<>();
        matches(CAMEL_CASE, text, found);
        matches(CONSTANT, text, found);
        for (String code : Purpose.registry().stream().map(Purpose::code).toList()) {
            if (code.contains("-") && Pattern.compile("(?<![\\w-])" + Pattern.quote(code) + "(?![\\w-])").matcher(text).find()) {
                found.add(code);
            }
        }
        if (language.startsWith("zh")) {
            // Chinese text names nothing in Latin words but the contact address (and the laws' letter items, "(b)").
            List<String> words = new ArrayList<>();
            Matcher m = LATIN_WORD.matcher(text.replace("privacy@matchmaking.example", ""));
            while (m.find()) {
                words.add(m.group());
            }
            found.addAll(words);
        } else {
            for (PersonalDataInventory.Entry entry : inventory.entries()) {
                for (String field : entry.fields()) {
                    // A field name that is also an English word may appear inside a label's words, never as a list item.
                    if (Pattern.compile("(?m)(?:[:,]\\s*|^\\s*-\\s*)" + Pattern.quote(field) + "\\s*(?:[,.]|$)").matcher(text).find()) {
                        found.add(field);
                    }
                }
            }
        }
        return found;
    }

    private static void matches(Pattern pattern, String text, Set<String> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
    }

    record Notice(String version, String text, String language, String textHash) {
    }

    private static Notice notice(Api api, String language) {
        GraphQlTester.Request<?> request = api.anonymous().documentName("privacyPolicy");
        if (language != null) {
            request = request.variable("language", language);
        }
        return request.execute().path("privacyPolicy").entity(Notice.class).get();
    }
}
