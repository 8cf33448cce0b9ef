package com.matchmaking.readmodels.masking;

import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import com.matchmaking.schema.authorization.AuthorizationTable.DataField;
import com.matchmaking.schema.authorization.AuthorizationTable.Visibility;

import java.util.function.UnaryOperator;

/**
 * Turns a value into what an audience's read model may store, as the authorisation table says: the masked form
 * where the audience sees a masked (or revealable) value, the value where it sees it whole, and nothing otherwise.
 * Projections store only what comes out of here, so a table change is a change of what is stored.
 */
public final class AudienceRendering {

    private AudienceRendering() {
    }

    /** The stored form of a text field for an audience. */
    public static String text(Audience audience, DataField field, String value) {
        if (value == null) {
            return null;
        }
        Visibility visibility = AuthorizationTable.visibility(audience, field);
        return switch (visibility) {
            case FULL -> value;
            case MASKED, REVEALABLE -> mask(field).apply(value);
            case SURNAME_ONLY -> Masking.surnameOnly(value);
            default -> null;
        };
    }

    /** A value that an audience sees whole or not at all (a city, an education level, a height). */
    public static <T> T whole(Audience audience, DataField field, T value) {
        return AuthorizationTable.visibility(audience, field) == Visibility.FULL ? value : null;
    }

    /** Whether an audience may keep anything derived from the field (a birth date for an age, a verified flag). */
    public static boolean keeps(Audience audience, DataField field) {
        return AuthorizationTable.sees(audience, field);
    }

    private static UnaryOperator<String> mask(DataField field) {
        return switch (field) {
            case FULL_NAME -> Masking::name;
            case PHONE -> Masking::phone;
            case EMAIL -> Masking::email;
            case WECHAT_ID -> Masking::wechatId;
            case ID_NUMBER -> Masking::idNumber;
            default -> value -> "***";
        };
    }
}
