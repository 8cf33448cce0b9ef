package com.matchmaking.app.problem;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Resolves {@link Message}s from the bundles under {@code i18n/} in one language. Numbers are written without
 * grouping (a limit of 20000 stays 20000 in every language) and nested messages in the same language.
 */
public final class Messages {

    /** The bundle of the backend's own messages; {@code i18n/mail} and others sit beside it. */
    public static final String BUNDLE = "i18n/messages";

    private static final MessageSource ENGLISH_SOURCE = englishSource();

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    /** The message in {@code locale}; a missing key is a bug the bundle test catches, so it fails loudly. */
    public String resolve(Message message, Locale locale) {
        return label(message.key().code(), locale, message.args());
    }

    /**
     * A text whose code is made from data, such as the label of a purpose or a field ({@code field.contact.phone});
     * {@code PrivacyNoticeTest} checks that every code the inventory makes is in every bundle.
     *
     * @throws org.springframework.context.NoSuchMessageException when the code is in no bundle of that language
     */
    public String label(String code, Locale locale, Object... args) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = argument(args[i], locale);
        }
        return source.getMessage(code, resolved, locale);
    }

    /** The key in {@code locale}, for texts that are not errors (the privacy notice, receipts, the export). */
    public String text(MessageKey key, Locale locale, Object... args) {
        return resolve(new Message(key, args), locale);
    }

    private Object argument(Object arg, Locale locale) {
        if (arg instanceof Message nested) {
            return resolve(nested, locale);
        }
        if (arg instanceof List<?> list) {
            return list.stream().map(a -> String.valueOf(argument(a, locale))).collect(Collectors.joining("; "));
        }
        if (arg instanceof Number || arg instanceof Enum<?>) {
            return String.valueOf(arg);
        }
        return arg;
    }

    /**
     * English, outside any request: for exception messages in logs and in tests of aggregates. Reads the same bundle
     * the application does.
     */
    public static String english(Message message) {
        return new Messages(ENGLISH_SOURCE).resolve(message, Locale.ENGLISH);
    }

    private static MessageSource englishSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BUNDLE);
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        // Not the context class loader of whichever thread first resolves: a web server's, once it stops (a test that
        // closes its application), finds no bundle, and every later message in the JVM would fail.
        source.setBundleClassLoader(Messages.class.getClassLoader());
        return source;
    }
}
