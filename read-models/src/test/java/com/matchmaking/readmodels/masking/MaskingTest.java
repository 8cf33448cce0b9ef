package com.matchmaking.readmodels.masking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "张, *",
            "张伟, 张*",
            "王小明, 王**",
            "欧阳娜娜, 欧阳**",
            "欧阳修, 欧阳*",
            "司马相如, 司马**",
            "诸葛亮, 诸葛*",
            "欧阳, 欧*",
            "John Smith, J*** S***",
            "Mary-Jane Watson, M*** J*** W***",
            "' Li ', L***"})
    void namesKeepTheSurnameOrInitialsOnly(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @Test
    void anotherMemberSeesTheSurnameAndOneStar() {
        assertThat(Masking.surnameOnly("欧阳娜娜")).isEqualTo("欧阳*");
        assertThat(Masking.surnameOnly("王小明")).isEqualTo("王*");
        assertThat(Masking.surnameOnly("John Smith")).isEqualTo("J*");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "13812341234, 138****1234",
            "+8613812341234, 138****1234",
            "+86 138 1234 1234, 138****1234",
            "+861012345678, 010****78",
            "010-12345678, 010****78",
            "+8675512345678, 0755****78",
            "+14155550123, +14****23",
            "123, ****"})
    void phoneNumbersHideTheirMiddle(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ada@example.com, a***@example.com",
            "a@example.com, a***@example.com",
            "not-an-email, ***"})
    void emailsKeepTheFirstCharacterAndTheDomain(String email, String masked) {
        assertThat(Masking.email(email)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "11010119900307123X, **************123X",
            "11010119900307123x, **************123X",
            "110101199003071234, **************1234",
            "110***********123X, **************123X",
            "12345, *****"})
    void idNumbersKeepTheirLastFourCharactersAtMost(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }

    /**
     * The attacker knows the member's birth date (their own profile, or an age and a guess) and sees the masked number:
     * the mask must add nothing beyond the last four characters, so the region code and the birth date stay unknown,
     * and the number is not among the few candidates the check character leaves.
     */
    @Test
    void aMaskedIdNumberWithTheBirthDateLeavesTheRegionCodeUnknown() {
        String id = "11010119900307123X";
        String masked = Masking.idNumber(id);
        assertThat(masked.replace("*", "")).isEqualTo("123X");
        assertThat(masked).hasSize(18).startsWith("*".repeat(14));
        // Everything the mask and the birth date pin down together: at most the last four and the eight date digits.
        long pinned = 0;
        for (int i = 0; i < 18; i++) {
            boolean fromMask = masked.charAt(i) != '*';
            boolean fromBirthDate = i >= 6 && i < 14;
            pinned += fromMask || fromBirthDate ? 1 : 0;
        }
        assertThat(pinned).as("the six region digits stay unknown").isEqualTo(12);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"nana_1990, na****0", "wxid_abcdef, wx****f", "abc, ****"})
    void wechatIdsShowTwoLeadingCharactersAndTheLast(String id, String masked) {
        assertThat(Masking.wechatId(id)).isEqualTo(masked);
    }

    @Test
    void ageBandsAreFiveYearsWide() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        assertThat(Masking.ageBand(LocalDate.of(1990, 5, 17), today)).isEqualTo("35-39");
        assertThat(Masking.ageBand(LocalDate.of(2007, 1, 1), today)).isEqualTo("18-19");
        assertThat(Masking.ageBand(LocalDate.of(1950, 1, 1), today)).isEqualTo("60+");
        assertThat(Masking.age(LocalDate.of(1990, 11, 30), today)).isEqualTo(35);
    }

    @Test
    void nothingMaskedContainsTheWholeValue() {
        for (String value : new String[] {"张伟", "欧阳娜娜", "John Smith", "13812341234", "ada@example.com", "11010119900307123X",
                "nana_1990"}) {
            assertThat(Masking.name(value)).doesNotContain(value);
            assertThat(Masking.phone(value)).doesNotContain(value);
            assertThat(Masking.email(value)).doesNotContain(value);
            assertThat(Masking.idNumber(value)).doesNotContain(value);
            assertThat(Masking.wechatId(value)).doesNotContain(value);
        }
    }
}
