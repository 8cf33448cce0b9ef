package com.matchmaking.app.language;

import com.matchmaking.app.problem.Message;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle under {@code i18n/} (the backend's messages, and any other such as the mails') is written in every
 * language the backend speaks, key for key, with the same placeholders; every {@link MessageKey} has its text; the
 * files are UTF-8. The checker is shown to catch each kind of gap on a broken bundle of its own.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern BUNDLE_FILE = Pattern.compile("(.+)_(zh_CN|en)\\.properties");

    @Test
    void everyBundleHasEveryKeyInEveryLanguageWithTheSamePlaceholders() throws IOException {
        Map<String, Map<String, Properties>> bundles = bundles();

        assertThat(bundles).containsKey("messages");
        for (var bundle : bundles.entrySet()) {
            assertThat(problems(bundle.getKey(), bundle.getValue())).as("bundle i18n/%s", bundle.getKey()).isEmpty();
        }
    }

    @Test
    void everyMessageKeyHasItsTextAndNoTwoKeysShareACode() throws IOException {
        Map<String, Properties> messages = bundles().get("messages");
        Set<String> codes = new HashSet<>();
        for (MessageKey key : MessageKey.values()) {
            assertThat(codes.add(key.code())).as("code of %s used twice", key).isTrue();
            for (var language : messages.entrySet()) {
                String text = language.getValue().getProperty(key.code());
                assertThat(text).as("%s in %s", key.code(), language.getKey()).isNotNull();
                if (!key.code().endsWith("separator")) {
                    assertThat(text).as("%s in %s", key.code(), language.getKey()).isNotBlank();
                }
            }
        }
    }

    @Test
    void chineseIsChineseAndEnglishIsEnglish() throws IOException {
        for (var bundle : bundles().values()) {
            // A "Chinese" text with Latin words and not one Chinese character was left untranslated.
            bundle.get("zh_CN").forEach((key, text) -> {
                String words = PLACEHOLDER.matcher(text.toString()).replaceAll("");
                assertThat(words.codePoints().anyMatch(Character::isLetter) && !han(words))
                        .as("%s is not translated: %s", key, text).isFalse();
            });
            assertThat(bundle.get("en").values()).noneMatch(text -> han(text.toString()));
        }
    }

    private static boolean han(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void exceptionsCarryTheEnglishTextForLogsAndTests() {
        assertThat(Messages.english(new Message(MessageKey.LENGTH_BETWEEN, "text", 20, 20_000)))
                .isEqualTo("text must have 20 to 20000 characters");
        assertThat(Messages.english(new Message(MessageKey.INVALID_INPUT,
                List.of(new Message(MessageKey.EMAIL_FORMAT), new Message(MessageKey.REQUIRED, "city")))))
                .isEqualTo("Invalid input: email must be a valid email address; city is required");
        assertThat(Messages.english(new Message(MessageKey.OWN_ERASURE_PENDING)))
                .isEqualTo("The member's own erasure request is pending");
    }

    @Test
    void theCheckerCatchesAMissingKeyAMismatchedPlaceholderAQuoteAndAMissingLanguage() {
        Properties zh = new Properties();
        zh.setProperty("a", "甲 {0}");
        zh.setProperty("b", "乙");
        zh.setProperty("c", "丙 {0} 不能 '{1}'");
        Properties en = new Properties();
        en.setProperty("a", "a {1}");
        en.setProperty("c", "c {0} can't {1}");
        en.setProperty("d", "only English");

        List<String> problems = problems("broken", Map.of("zh_CN", zh, "en", en));

        assertThat(problems).anyMatch(p -> p.contains("b") && p.contains("missing in en"))
                .anyMatch(p -> p.contains("d") && p.contains("missing in zh_CN"))
                .anyMatch(p -> p.contains("placeholders of a"))
                .anyMatch(p -> p.contains("apostrophe") && p.contains("c"));
        assertThat(problems("half", Map.of("zh_CN", zh))).anyMatch(p -> p.contains("no en file"));
    }

    /** Everything wrong with one bundle: its languages, keys, placeholders and quoting. */
    static List<String> problems(String name, Map<String, Properties> languages) {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("zh_CN", "en")) {
            if (!languages.containsKey(language)) {
                problems.add(name + " has no " + language + " file");
            }
        }
        Set<String> keys = new TreeSet<>();
        languages.values().forEach(p -> keys.addAll(p.stringPropertyNames()));
        for (String key : keys) {
            Set<Integer> expected = null;
            for (var language : new TreeMap<>(languages).entrySet()) {
                String text = language.getValue().getProperty(key);
                if (text == null) {
                    problems.add(key + " is missing in " + language.getKey());
                    continue;
                }
                Set<Integer> found = placeholders(text);
                if (expected == null) {
                    expected = found;
                } else if (!expected.equals(found)) {
                    problems.add("placeholders of " + key + " differ between languages: " + expected + " and " + found);
                }
                // MessageFormat reads a lone ASCII apostrophe as the start of a quote and drops what follows it.
                if (!found.isEmpty() && text.replace("''", "").contains("'")) {
                    problems.add(key + " in " + language.getKey() + " has a lone apostrophe with placeholders; write ’ or ''");
                }
            }
        }
        return problems;
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** Every bundle under i18n/ of this application (not of the libraries in jars), by name and language, read strictly as UTF-8. */
    static Map<String, Map<String, Properties>> bundles() throws IOException {
        Map<String, Map<String, Properties>> bundles = new TreeMap<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            if (!file.getURL().getProtocol().equals("file")) {
                continue; // a library's own i18n folder in its jar, not ours
            }
            Matcher name = BUNDLE_FILE.matcher(file.getFilename());
            assertThat(name.matches()).as("%s is named <bundle>_zh_CN.properties or <bundle>_en.properties "
                    + "(no file without a language: a missing key must not quietly show another language)", file.getFilename()).isTrue();
            byte[] bytes = file.getInputStream().readAllBytes();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError(file.getFilename() + " is not UTF-8", e);
            }
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            bundles.computeIfAbsent(name.group(1), n -> new TreeMap<>()).put(name.group(2), properties);
        }
        return bundles;
    }
}
