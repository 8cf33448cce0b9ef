package com.matchmaking.app.problem;

import com.matchmaking.schema.text.FreeText;
import com.matchmaking.schema.text.FreeText.Kind;

/**
 * Takes free text from a request as its {@link FreeText.Kind}, answering text that does not fit with the same
 * {@code BAD_REQUEST} everywhere: the field's name and the kind's bounds, so the limits in a message are the ones
 * enforced.
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
}
