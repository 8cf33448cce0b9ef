package com.matchmaking.keys.serialization;

import java.util.List;

/**
 * How the crypto-shredding serializer treats one class: its subject property (or {@code null} when it holds no
 * personal data) and every personal property it must encrypt.
 */
public record ClassPlan(Class<?> type, String subjectProperty, List<FieldPlan> personalFields) {

    public ClassPlan {
        personalFields = List.copyOf(personalFields);
    }

    public boolean hasPersonalData() {
        return !personalFields.isEmpty();
    }
}
