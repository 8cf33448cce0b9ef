package com.matchmaking.app.member;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

    @Test
    void aCorrectCheckCharacterAndAMatchingBirthDateVerify() {
        assertThat(IdNumbers.verifies("110101199003071233", LocalDate.of(1990, 3, 7))).isTrue();
        assertThat(IdNumbers.verifies("11010519491231002X", LocalDate.of(1949, 12, 31))).isTrue();
    }

    @Test
    void aWrongCheckCharacterOrAnotherBirthDateDoNot() {
        assertThat(IdNumbers.verifies("110101199003071234", LocalDate.of(1990, 3, 7))).isFalse();
        assertThat(IdNumbers.verifies("110101199003071233", LocalDate.of(1990, 3, 8))).isFalse();
        assertThat(IdNumbers.birthDate("110101199013071233")).isEmpty();
    }

    @Test
    void onlyTheEighteenCharacterFormIsAccepted() {
        assertThat(IdNumbers.normalise(" 11010519491231002x ")).contains("11010519491231002X");
        assertThat(IdNumbers.normalise("1101051949123100")).isEmpty();
        assertThat(IdNumbers.normalise("11010519491231002Y")).isEmpty();
    }
}
