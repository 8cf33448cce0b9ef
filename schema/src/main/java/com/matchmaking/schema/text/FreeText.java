package com.matchmaking.schema.text;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

/**
 * Free text as the service keeps it: stripped of leading and trailing white space (ideographic spaces included), in
 * Unicode NFC (so the same words typed on two keyboards are stored, compared and counted alike), and within the
 * bounds of its {@link Kind}. Each kind's bounds live here once; the controller that takes the text and the aggregate
 * that keeps it ask the same kind.
 *
 * <p>Lengths count UTF-16 code units ({@link String#length()}), as the limits always have: a Chinese character of the
 * basic plane counts one. Normalisation never changes text already in NFC, which Chinese text typed by an input method
 * is.
 *
 * @param kind  what the text is, and so its bounds
 * @param value the stripped, normalised text, within the bounds
 */
public record FreeText(Kind kind, String value) {

    /** Which control characters a kind of text may hold. */
    public enum Controls {
        /** Not checked: the text is stored under the member's key and never rendered as markup. */
        ANY,
        /** Line breaks and tabs only. */
        LINE_BREAKS,
        /** None at all (a single line: a name, a city). */
        NONE
    }

    /** The kinds of free text the service takes, each with its bounds. */
    public enum Kind {
        /** A member's full name. */
        FULL_NAME(1, 100, Controls.NONE),
        /** A city: a member's own, or one they accept in a partner. */
        CITY(1, 60, Controls.NONE),
        /** A member's occupation. */
        OCCUPATION(1, 100, Controls.NONE),
        /** What a member writes about themselves. */
        ABOUT_ME(1, 2000, Controls.LINE_BREAKS),
        /** The name a staff account is shown under. */
        STAFF_DISPLAY_NAME(1, 100, Controls.NONE),
        /** A consultation note or the reason for a member's suspension, written by customer service. */
        CARE_TEXT(1, 5000, Controls.ANY),
        /** An introduction's note, a meeting's place, a member's feedback on an introduction. */
        INTRODUCTION_TEXT(1, 2000, Controls.ANY),
        /** The reason staff state for revealing one unmasked field. */
        REVEAL_REASON(5, 500, Controls.ANY),
        /** Who a member's data is shared with. */
        SHARE_RECIPIENT(2, 200, Controls.LINE_BREAKS),
        /** Why a member's data is shared. */
        SHARE_PURPOSE(5, 1000, Controls.LINE_BREAKS),
        /** The reason for a legal hold. */
        LEGAL_HOLD_REASON(5, 1000, Controls.LINE_BREAKS),
        /** Compliance's note when resolving a risk alert. */
        ALERT_NOTE(5, 2000, Controls.LINE_BREAKS),
        /** What a staff member reports about a suspected leak. */
        LEAK_DESCRIPTION(10, 5000, Controls.LINE_BREAKS),
        /** A note on a leak case. */
        LEAK_CASE_NOTE(1, 5000, Controls.LINE_BREAKS),
        /** The text of a privacy policy version. */
        POLICY_TEXT(20, 20_000, Controls.ANY);

        private final int min;
        private final int max;
        private final Controls controls;

        Kind(int min, int max, Controls controls) {
            this.min = min;
            this.max = max;
            this.controls = controls;
        }

        /** The fewest characters the text may have once stripped and normalised. */
        public int min() {
            return min;
        }

        /** The most characters the text may have once stripped and normalised. */
        public int max() {
            return max;
        }

        /**
         * Whether text that was already taken as this kind (a command's field) still fits it: not null, not blank,
         * within the bounds and free of refused control characters. Aggregates ask this of what commands carry.
         */
        public boolean admits(String text) {
            return text != null && !text.isBlank() && text.length() >= min && text.length() <= max
                    && controlsAllowed(text);
        }

        private boolean controlsAllowed(String text) {
            return switch (controls) {
                case ANY -> true;
                case LINE_BREAKS -> text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                        && c != '\t');
                case NONE -> text.chars().noneMatch(Character::isISOControl);
            };
        }
    }

    public FreeText {
        Objects.requireNonNull(kind, "kind");
        if (!kind.admits(value) || !value.equals(normalise(value))) {
            throw new IllegalArgumentException("not a " + kind + " text");
        }
    }

    /**
     * The raw text as the service keeps it, whatever its kind: {@code null} becomes empty, white space at either end
     * goes, the rest is put in NFC.
     */
    public static String normalise(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    }

    /** The text taken as this kind, or empty when it does not fit (too short, blank, too long, a refused control). */
    public static Optional<FreeText> of(Kind kind, String raw) {
        String text = normalise(raw);
        return kind.admits(text) ? Optional.of(new FreeText(kind, text)) : Optional.empty();
    }

    @Override
    public String toString() {
        // Free text is often personal: never let it reach a log or a message through string concatenation.
        return "FreeText[" + kind + ", " + value.length() + " chars]";
    }
}
