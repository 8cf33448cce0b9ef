package com.matchmaking.app.member;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactFormatsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "13812341234, +8613812341234",
            "+8613812341234, +8613812341234",
            "8613812341234, +8613812341234",
            "'138 1234-1234', +8613812341234",
            "+44 20 7946 0958, +442079460958",
            "+14155550123, +14155550123"})
    void phoneNumbersAreStoredInOneForm(String input, String stored) {
        assertThat(ContactFormats.phone(input)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812341234", "1381234123", "4155550123", "+0123456789", "phone", "+86 138 1234 123x"})
    void otherPhoneNumbersAreRefused(String input) {
        assertThat(ContactFormats.phone(input)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"' Ada@Example.COM ', ada@example.com", "ｌｉ@example.com, li@example.com"})
    void emailsAreTrimmedAndLowerCased(String input, String stored) {
        assertThat(ContactFormats.email(input)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "a b@example.com", "ada@example"})
    void malformedEmailsAreRefused(String input) {
        assertThat(ContactFormats.email(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"nana_1990, true", "wx-abcdef, true", "1abcdef, false", "abc, false", "abcdefghijklmnopqrstu, false"})
    void wechatIdsFollowWechatsRules(String id, boolean valid) {
        assertThat(ContactFormats.wechatId(id)).isEqualTo(valid);
    }
}
