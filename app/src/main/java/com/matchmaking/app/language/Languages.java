package com.matchmaking.app.language;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The languages the backend speaks to people: Simplified Chinese, the members' language and the default, and
 * English. A request chooses with {@code Accept-Language}; anything else (no header, a language we do not have, a
 * malformed header) gets the default rather than the server's own locale.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DEFAULT = CHINESE;
    /** In order of preference when a request names none. */
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    /** Times in texts for people are in the agency's time, China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Languages() {
    }

    /** A time for people to read, in their language and the agency's time zone. */
    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE)
                .format(instant);
    }

    /** The supported language an {@code Accept-Language} header asks for first, or the default. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            if (range.getRange().equals("*")) {
                return DEFAULT;
            }
            Optional<Locale> match = matching(range.getRange());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return DEFAULT;
    }

    /**
     * The language a client named explicitly (an argument such as {@code privacyPolicy(language:)}): {@code zh-CN},
     * {@code zh}, {@code en} and their regional forms, in any case; null means "not named".
     *
     * @throws RequestRejectedException {@code BAD_REQUEST} for a language the backend does not have
     */
    public static Optional<Locale> named(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Optional<Locale> match = tag.length() <= 35 ? matching(tag.strip().replace('_', '-')) : Optional.empty();
        if (match.isEmpty()) {
            throw RequestRejectedException.badRequest(MessageKey.LANGUAGE_UNSUPPORTED,
                    SUPPORTED.stream().map(Locale::toLanguageTag).collect(Collectors.joining(", ")));
        }
        return match;
    }

    /** The language of a request: the one the client named, or else the one its headers chose. */
    public static Locale chosen(String named, Locale fromRequest) {
        return named(named).orElse(fromRequest == null ? DEFAULT : fromRequest);
    }

    /** The BCP 47 tag recorded with an acceptance and shown in exports: {@code zh-CN} or {@code en}. */
    public static String tag(Locale locale) {
        return locale.toLanguageTag();
    }

    private static Optional<Locale> matching(String range) {
        String language = Locale.forLanguageTag(range).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }
}
