package com.matchmaking.app.member;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The accepted forms of contact data, and their one stored (normalised) form each. */
final class ContactFormats {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z][-_A-Za-z0-9]{5,19}");

    private ContactFormats() {
    }

    /** Trimmed, NFKC-normalised and lower-cased, if it looks like an address. */
    static Optional<String> email(String raw) {
        String email = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return email.length() <= 254 && EMAIL.matcher(email).matches() ? Optional.of(email) : Optional.empty();
    }

    /** A mainland mobile (11 digits, optionally +86) as +86 and 11 digits; anything else must be E.164. */
    static Optional<String> phone(String raw) {
        String compact = PHONE_SEPARATORS.matcher(Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC)).replaceAll("");
        var mobile = MAINLAND_MOBILE.matcher(compact);
        if (mobile.matches()) {
            return Optional.of("+86" + mobile.group(1));
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    static boolean wechatId(String raw) {
        return WECHAT_ID.matcher(raw).matches();
    }
}
