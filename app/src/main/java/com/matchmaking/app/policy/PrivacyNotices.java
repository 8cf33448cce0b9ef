package com.matchmaking.app.policy;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import com.matchmaking.schema.purpose.Purpose;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privacy notice as a member reads it, in their language: the agency's own text of the version, then what is
 * collected, why, on which legal basis and for how long, grouped by purpose, the member's rights and how to use them,
 * and whom to contact. The collected part is generated from the purpose registry and the classification of every
 * stored field ({@link PersonalDataInventory}), so it cannot fall behind the code; every purpose, basis and field is
 * shown by its label in the bundles ({@code purpose.*}, {@code basis.*}, {@code field.<purpose>.<field>}), never by
 * its name in the code. The notices are rendered once per language at start-up, so a field without a label stops the
 * start rather than slip into the notice unexplained.
 *
 * <p>The agency's text may hold one section per language, each opened by a line {@code [zh-CN]} or {@code [en]};
 * a member reads the section of their language (a text without such lines is shown to everyone as it is). The hash
 * of what a member was shown is the SHA-256 of the exact text, which acceptance records.
 */
@Component
public class PrivacyNotices {

    /** One version as shown in one language. */
    public record Rendered(String version, String language, String text, String textHash, Instant publishedAt) {
    }

    private static final Pattern SECTION = Pattern.compile("(?m)^\\[([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)]\\s*$");

    private final PrivacyPolicies policies;
    private final Map<Locale, String> generated = new LinkedHashMap<>();

    PrivacyNotices(PrivacyPolicies policies, PersonalDataInventory inventory, Messages messages,
                   StatedRetention retention, MatchmakingProperties properties) {
        this.policies = policies;
        for (Locale locale : Languages.SUPPORTED) {
            generated.put(locale, generate(inventory, messages, retention, properties, locale));
        }
    }

    /** The current version in {@code locale}. */
    public Rendered current(Locale locale) {
        return render(policies.current(), locale);
    }

    public Rendered render(PrivacyPolicies.Version version, Locale locale) {
        Locale language = generated.containsKey(locale) ? locale : Languages.DEFAULT;
        String text = Normalizer.normalize(section(version.text(), language).strip() + "\n\n"
                + generated.get(language).replace("{version}", version.version()), Normalizer.Form.NFC);
        return new Rendered(version.version(), Languages.tag(language), text, hash(text), version.publishedAt());
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The section of {@code text} for {@code language}, or the whole text when it has no sections. */
    static String section(String text, Locale language) {
        Matcher m = SECTION.matcher(text);
        List<int[]> marks = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[]{m.start(), m.end()});
            tags.add(m.group(1));
        }
        if (marks.isEmpty()) {
            return text;
        }
        String fallback = null;
        for (int i = 0; i < marks.size(); i++) {
            String body = text.substring(marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length());
            Locale tagged = Locale.forLanguageTag(tags.get(i));
            if (tagged.getLanguage().equals(language.getLanguage())) {
                return body;
            }
            if (fallback == null) {
                fallback = body;
            }
        }
        return fallback;
    }

    private static String generate(PersonalDataInventory inventory, Messages messages, StatedRetention retention,
                                   MatchmakingProperties properties, Locale locale) {
        StringBuilder text = new StringBuilder();
        // The version is filled in per version; "{version}" cannot come out of a bundle, whose braces are placeholders.
        text.append(messages.text(MessageKey.NOTICE_TITLE, locale, "{version}")).append("\n\n")
                .append(messages.text(MessageKey.NOTICE_INTRO, locale)).append("\n\n")
                .append(messages.text(MessageKey.NOTICE_COLLECTED, locale));
        String separator = messages.text(MessageKey.NOTICE_LIST_SEPARATOR, locale);
        int number = 0;
        for (PersonalDataInventory.Entry entry : inventory.entries()) {
            Purpose purpose = entry.purpose();
            String basis = purpose.basis().labelKey();
            List<String> fields = entry.fields().stream()
                    .map(field -> messages.label("field." + purpose.code() + "." + field, locale)).toList();
            text.append("\n\n").append(messages.text(MessageKey.NOTICE_PURPOSE, locale, ++number,
                            messages.label(purpose.labelKey(), locale)))
                    .append("\n").append(messages.text(MessageKey.NOTICE_FIELDS, locale, String.join(separator, fields)))
                    .append("\n").append(messages.text(MessageKey.NOTICE_BASIS, locale, messages.label(basis, locale),
                            messages.label(basis + ".law", locale)))
                    .append("\n").append(messages.text(MessageKey.NOTICE_RETENTION_LINE, locale,
                            messages.label(purpose.labelKey() + ".retention", locale)));
        }
        String grace = duration(messages, properties.erasure().gracePeriod(), locale);
        List<String> sentences = new ArrayList<>();
        if (retention.enabled()) {
            sentences.add(messages.text(MessageKey.NOTICE_RETENTION_INACTIVE, locale,
                    period(messages, retention.inactiveAfter(), locale), period(messages, retention.noticePeriod(), locale)));
        }
        sentences.add(messages.text(MessageKey.NOTICE_RETENTION_ERASURE, locale, grace));
        sentences.add(messages.text(MessageKey.NOTICE_RETENTION_HOLD, locale));
        text.append("\n\n").append(messages.text(MessageKey.NOTICE_RETENTION_TITLE, locale)).append("\n")
                .append(String.join(messages.text(MessageKey.NOTICE_SENTENCE_SEPARATOR, locale), sentences));
        text.append("\n\n").append(messages.text(MessageKey.NOTICE_RIGHTS_TITLE, locale));
        for (MessageKey right : List.of(MessageKey.NOTICE_RIGHT_ACCESS, MessageKey.NOTICE_RIGHT_CORRECTION,
                MessageKey.NOTICE_RIGHT_ERASURE, MessageKey.NOTICE_RIGHT_WITHDRAWAL, MessageKey.NOTICE_RIGHT_ACCESS_LOG,
                MessageKey.NOTICE_RIGHT_SHARING, MessageKey.NOTICE_RIGHT_COMPLAINT)) {
            text.append("\n- ").append(messages.text(right, locale, grace));
        }
        text.append("\n\n").append(messages.text(MessageKey.NOTICE_CONTACT, locale, properties.privacyPolicy().contact()));
        return text.toString();
    }

    static String period(Messages messages, Period period, Locale locale) {
        List<String> parts = new ArrayList<>();
        unit(messages, parts, period.getYears(), "year", locale);
        unit(messages, parts, period.getMonths(), "month", locale);
        unit(messages, parts, period.getDays(), "day", locale);
        return join(messages, parts, locale);
    }

    static String duration(Messages messages, Duration duration, Locale locale) {
        List<String> parts = new ArrayList<>();
        unit(messages, parts, duration.toDaysPart(), "day", locale);
        unit(messages, parts, duration.toHoursPart(), "hour", locale);
        unit(messages, parts, duration.toMinutesPart(), "minute", locale);
        return join(messages, parts, locale);
    }

    private static void unit(Messages messages, List<String> parts, long count, String unit, Locale locale) {
        if (count != 0) {
            parts.add(messages.label("time." + unit + (count == 1 ? ".one" : ".other"), locale, count));
        }
    }

    private static String join(Messages messages, List<String> parts, Locale locale) {
        return parts.isEmpty() ? messages.text(MessageKey.TIME_NONE, locale)
                : String.join(messages.text(MessageKey.TIME_SEPARATOR, locale), parts);
    }
}
