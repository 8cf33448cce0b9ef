package com.matchmaking.schema.text;

import com.matchmaking.schema.text.FreeText.Kind;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeTextTest {

    @Test
    void theBoundsOfAKindAreInclusive() {
        Kind kind = Kind.REVEAL_REASON;
        assertThat(FreeText.of(kind, "x".repeat(kind.min() - 1))).isEmpty();
        assertThat(FreeText.of(kind, "x".repeat(kind.min()))).map(FreeText::value).contains("x".repeat(kind.min()));
        assertThat(FreeText.of(kind, "x".repeat(kind.max()))).isPresent();
        assertThat(FreeText.of(kind, "x".repeat(kind.max() + 1))).isEmpty();
    }

    @Test
    void theLimitsAreTheOnesTheErrorMessagesAlwaysNamed() {
        assertThat(Kind.CARE_TEXT.min()).isEqualTo(1);
        assertThat(Kind.CARE_TEXT.max()).isEqualTo(5000);
        assertThat(Kind.INTRODUCTION_TEXT.max()).isEqualTo(2000);
        assertThat(Kind.REVEAL_REASON.min()).isEqualTo(5);
        assertThat(Kind.REVEAL_REASON.max()).isEqualTo(500);
        assertThat(Kind.SHARE_RECIPIENT.max()).isEqualTo(200);
        assertThat(Kind.SHARE_PURPOSE.max()).isEqualTo(1000);
        assertThat(Kind.POLICY_TEXT.min()).isEqualTo(20);
        assertThat(Kind.POLICY_TEXT.max()).isEqualTo(20_000);
        assertThat(Kind.FULL_NAME.max()).isEqualTo(100);
        assertThat(Kind.CITY.max()).isEqualTo(60);
        assertThat(Kind.OCCUPATION.max()).isEqualTo(100);
        assertThat(Kind.ABOUT_ME.max()).isEqualTo(2000);
        assertThat(Kind.STAFF_DISPLAY_NAME.max()).isEqualTo(100);
    }

    @Test
    void whiteSpaceAtEitherEndIsStrippedBeforeCounting() {
        assertThat(FreeText.of(Kind.REVEAL_REASON, "  \t audit \n ")).map(FreeText::value).contains("audit");
        // Padding does not make a short text long enough.
        assertThat(FreeText.of(Kind.REVEAL_REASON, "   ab   ")).isEmpty();
        // An ideographic space (U+3000), as a Chinese keyboard types it, is white space too.
        assertThat(FreeText.of(Kind.CARE_TEXT, "\u3000备注\u3000")).map(FreeText::value).contains("备注");
    }

    @Test
    void blankTextIsNoText() {
        for (String blank : new String[] {null, "", "   ", "\n\t", "\u3000\u3000"}) {
            assertThat(FreeText.of(Kind.CARE_TEXT, blank)).as(String.valueOf(blank)).isEmpty();
            assertThat(FreeText.normalise(blank)).isEmpty();
            assertThat(Kind.CARE_TEXT.admits(blank)).isFalse();
        }
    }

    @Test
    void textIsPutInNfcSoTheSameWordsCountAlike() {
        String decomposed = "Jose\u0301 Mu\u0308ller";
        String composed = "José Müller";
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(FreeText.of(Kind.CARE_TEXT, decomposed)).map(FreeText::value).contains(composed);
        // Counted after normalisation: a letter and its combining accent count one once composed.
        String atTheLimit = "e\u0301".repeat(Kind.REVEAL_REASON.max());
        assertThat(FreeText.of(Kind.REVEAL_REASON, atTheLimit)).map(f -> f.value().length())
                .contains(Kind.REVEAL_REASON.max());
    }

    @Test
    void chineseTextIsKeptAsTyped() {
        String chinese = "客户希望下周见面，地点在上海静安区。";
        assertThat(Normalizer.isNormalized(chinese, Normalizer.Form.NFC)).isTrue();
        assertThat(FreeText.of(Kind.INTRODUCTION_TEXT, chinese)).map(FreeText::value).contains(chinese);
        // A character of the basic plane counts one, as the limits always have.
        assertThat(FreeText.of(Kind.REVEAL_REASON, "审".repeat(500))).isPresent();
        assertThat(FreeText.of(Kind.REVEAL_REASON, "审".repeat(501))).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedWhereTheKindSaysSo() {
        assertThat(FreeText.of(Kind.SHARE_PURPOSE, "line one\nline two\tend")).isPresent();
        assertThat(FreeText.of(Kind.SHARE_PURPOSE, "a purpose\u0000 with a NUL")).isEmpty();
        assertThat(FreeText.of(Kind.SHARE_PURPOSE, "a purpose\u001b[31m")).isEmpty();
        assertThat(FreeText.of(Kind.CARE_TEXT, "a note\u0007 with a bell")).isPresent();
    }

    @Test
    void aFreeTextCannotBeBuiltAroundItsBounds() {
        assertThatThrownBy(() -> new FreeText(Kind.REVEAL_REASON, "ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FreeText(Kind.REVEAL_REASON, "  padded reason "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FreeText(Kind.CARE_TEXT, "Jose\u0301")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsStringFormShowsNoText() {
        assertThat(FreeText.of(Kind.CARE_TEXT, "张三的电话是13800000000")).map(FreeText::toString).get()
                .asString().doesNotContain("13800000000").doesNotContain("张三");
    }
}
