package com.matchmaking.app.problem;

import com.matchmaking.schema.text.FreeText.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeTextInputTest {

    @Test
    void theThrowingAndTheCollectingFormsRefuseAlikeWithTheKindsBounds() {
        String tooLong = "x".repeat(Kind.CITY.max() + 1);
        Violations violations = new Violations();

        assertThat(FreeTextInput.required(Kind.CITY, tooLong, "city", violations)).isNull();
        assertThat(FreeTextInput.optional(Kind.OCCUPATION, "x".repeat(101), "occupation", violations)).isNull();

        assertThat(violations.messages()).containsExactly(new Message(MessageKey.LENGTH_BETWEEN, "city", 1, 60),
                new Message(MessageKey.LENGTH_AT_MOST, "occupation", 100));
        assertThatThrownBy(() -> FreeTextInput.required(Kind.CITY, tooLong, "city"))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> assertThat(e.problem())
                        .isEqualTo(violations.messages().get(0)));
    }

    @Test
    void acceptedTextComesBackStrippedAndInNfcWithNothingCollected() {
        Violations violations = new Violations();

        assertThat(FreeTextInput.required(Kind.FULL_NAME, " Jose\u0301 ", "fullName", violations)).isEqualTo("Jos\u00e9");
        assertThat(FreeTextInput.optional(Kind.ABOUT_ME, " \u3000 ", "aboutMe", violations)).isNull();
        assertThat(violations.isEmpty()).isTrue();
    }
}
