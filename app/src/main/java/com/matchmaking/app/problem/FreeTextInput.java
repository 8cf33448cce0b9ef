package com.matchmaking.app.problem;

import com.matchmaking.schema.text.FreeText;
import com.matchmaking.schema.text.FreeText.Kind;

import java.util.Optional;

/**
 * Takes free text from a request as its {@link FreeText.Kind}, answering text that does not fit with the same
 * {@code BAD_REQUEST} everywhere: the field's name and the kind's bounds, so the limits in a message are the ones
 * enforced. The forms that take {@link Violations} add the message there instead of throwing, for inputs that report
 * every problem at once.
 */
public final class FreeTextInput {

    private FreeTextInput() {
    }

    /** The text, or {@link MessageKey#LENGTH_BETWEEN} naming the field and the kind's bounds. */
    public static String required(Kind kind, String raw, String field) {
        return FreeText.of(kind, raw).map(FreeText::value).orElseThrow(
                () -> RequestRejectedException.badRequest(MessageKey.LENGTH_BETWEEN, field, kind.min(), kind.max()));
    }

    /** The text, or the given rejection for a text that has a message of its own. */
    public static String required(Kind kind, String raw, MessageKey rejection) {
        return FreeText.of(kind, raw).map(FreeText::value)
                .orElseThrow(() -> RequestRejectedException.badRequest(rejection));
    }

    /**
     * Blank text is no text ({@code null}); any other is taken as the kind, or refused with
     * {@link MessageKey#LENGTH_AT_MOST} naming the field and the kind's upper bound.
     */
    public static String optional(Kind kind, String raw, String field) {
        if (FreeText.normalise(raw).isEmpty()) {
            return null;
        }
        return FreeText.of(kind, raw).map(FreeText::value).orElseThrow(
                () -> RequestRejectedException.badRequest(MessageKey.LENGTH_AT_MOST, field, kind.max()));
    }

    /**
     * The text; {@code null} after adding {@link MessageKey#LENGTH_BETWEEN} naming the field and the kind's bounds to
     * {@code violations} when it does not fit.
     */
    public static String required(Kind kind, String raw, String field, Violations violations) {
        Optional<FreeText> text = FreeText.of(kind, raw);
        violations.check(text.isPresent(), MessageKey.LENGTH_BETWEEN, field, kind.min(), kind.max());
        return text.map(FreeText::value).orElse(null);
    }

    /**
     * Blank text is no text ({@code null}); any other is taken as the kind, or {@code null} after adding
     * {@link MessageKey#LENGTH_AT_MOST} naming the field and the kind's upper bound to {@code violations}.
     */
    public static String optional(Kind kind, String raw, String field, Violations violations) {
        if (FreeText.normalise(raw).isEmpty()) {
            return null;
        }
        Optional<FreeText> text = FreeText.of(kind, raw);
        violations.check(text.isPresent(), MessageKey.LENGTH_AT_MOST, field, kind.max());
        return text.map(FreeText::value).orElse(null);
    }
}
