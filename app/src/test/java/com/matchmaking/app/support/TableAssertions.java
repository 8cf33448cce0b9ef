package com.matchmaking.app.support;

import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import com.matchmaking.schema.authorization.AuthorizationTable.DataField;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions that read the authorisation table, so a test checks the table's promise rather than a copy of it. */
public final class TableAssertions {

    private TableAssertions() {
    }

    /**
     * Checks every field of a card against the authorisation table: the value itself where the audience sees it
     * whole, the catalog's mask where masked, the derived value where derived, and nothing where nothing. The member
     * must have been registered from {@code m} and have partner preferences.
     */
    public static void assertMatchesTable(Map<String, Object> card, Audience audience, TestMembers.Member m) {
        LocalDate today = LocalDate.now();
        Map<DataField, Object> expectedWhole = Map.ofEntries(Map.entry(DataField.FULL_NAME, m.fullName()),
                Map.entry(DataField.PHONE, m.storedPhone()), Map.entry(DataField.EMAIL, m.email()),
                Map.entry(DataField.WECHAT_ID, m.wechatId()), Map.entry(DataField.GENDER, "FEMALE"),
                Map.entry(DataField.CITY, m.city()), Map.entry(DataField.EDUCATION, "MASTER"), Map.entry(DataField.HEIGHT, 168),
                Map.entry(DataField.MARITAL_STATUS, "NEVER_MARRIED"), Map.entry(DataField.OCCUPATION, m.occupation()),
                Map.entry(DataField.INCOME_BAND, "FROM_300K_TO_600K"), Map.entry(DataField.ABOUT_ME, m.aboutMe()));
        Map<DataField, String> apiName = Map.ofEntries(Map.entry(DataField.FULL_NAME, "fullName"),
                Map.entry(DataField.PHONE, "phone"), Map.entry(DataField.EMAIL, "email"), Map.entry(DataField.WECHAT_ID, "wechatId"),
                Map.entry(DataField.GENDER, "gender"), Map.entry(DataField.CITY, "city"), Map.entry(DataField.EDUCATION, "education"),
                Map.entry(DataField.HEIGHT, "heightCm"), Map.entry(DataField.MARITAL_STATUS, "maritalStatus"),
                Map.entry(DataField.OCCUPATION, "occupation"), Map.entry(DataField.INCOME_BAND, "incomeBand"),
                Map.entry(DataField.ABOUT_ME, "aboutMe"), Map.entry(DataField.PREFERENCES, "preferences"));
        for (var entry : apiName.entrySet()) {
            DataField field = entry.getKey();
            Object shown = card.get(entry.getValue());
            switch (AuthorizationTable.visibility(audience, field)) {
                case FULL -> {
                    if (expectedWhole.containsKey(field)) {
                        assertThat(shown).as(field + " whole").isEqualTo(expectedWhole.get(field));
                    } else {
                        assertThat(shown).as(field + " present (the member has preferences)").isNotNull();
                    }
                }
                case MASKED, REVEALABLE -> {
                    String whole = (String) expectedWhole.get(field);
                    assertThat(shown).as(field + " masked").isEqualTo(mask(field, whole)).isNotEqualTo(whole);
                }
                default -> assertThat(shown).as(field + " hidden").isNull();
            }
        }
        int age = Period.between(m.birthDate(), today).getYears();
        switch (AuthorizationTable.visibility(audience, DataField.BIRTH_DATE)) {
            case AGE -> assertThat(card).containsEntry("age", age).containsEntry("ageBand", null);
            case AGE_BAND -> assertThat(card).containsEntry("age", null)
                    .containsEntry("ageBand", Masking.ageBandFromYear(m.birthDate().getYear(), today));
            default -> assertThat(card).containsEntry("age", null).containsEntry("ageBand", null);
        }
        if (AuthorizationTable.visibility(audience, DataField.ID_NUMBER) == AuthorizationTable.Visibility.VERIFIED_ONLY) {
            assertThat(card.get("idVerified")).isIn(true, false);
        } else {
            assertThat(card.get("idVerified")).isNull();
        }
        assertThat(card.toString()).doesNotContain(m.email(), m.phone(), m.fullName(), m.wechatId(), m.birthDate().toString());
    }

    private static String mask(DataField field, String value) {
        return switch (field) {
            case FULL_NAME -> Masking.name(value);
            case PHONE -> Masking.phone(value);
            case EMAIL -> Masking.email(value);
            case WECHAT_ID -> Masking.wechatId(value);
            default -> throw new IllegalArgumentException(field.name());
        };
    }
}
