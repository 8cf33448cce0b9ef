package com.matchmaking.keys.serialization;

import java.util.List;

/**
 * How the crypto-shredding serializer treats one class: its subject property (or {@code null} when it holds no
 * personal data), every personal property it must encrypt, and the stable type name its ciphertexts are bound to
 * (the simple class name, or its {@link com.matchmaking.keys.BindingName}).
 */
public record ClassPlan(Class<?> type, String subjectProperty, List<FieldPlan> personalFields, String bindingType) {

    public ClassPlan {
        personalFields = List.copyOf(personalFields);
    }

    public boolean hasPersonalData() {
        return !personalFields.isEmpty();
    }
}
