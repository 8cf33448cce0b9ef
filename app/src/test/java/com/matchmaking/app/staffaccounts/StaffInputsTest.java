package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.problem.Message;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.staffaccounts.StaffInputs.CreateStaffInput;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A staff member's display name is taken as its {@code FreeText} kind: the bounds and message it always had. */
class StaffInputsTest {

    private static CreateStaffInput withDisplayName(String displayName) {
        return new CreateStaffInput("mei.chen", "a long enough password", displayName, List.of(Role.MATCHMAKER));
    }

    @Test
    void theDisplayNameIsStrippedAndPutInNfc() {
        assertThat(StaffInputs.validate(withDisplayName("\u3000Zoe\u0308 ")).displayName()).isEqualTo("Zo\u00eb");
        assertThat(StaffInputs.validate(withDisplayName("x".repeat(100))).displayName()).hasSize(100);
    }

    @Test
    void aMissingBlankLongOrMultiLineDisplayNameIsRefusedWithItsBounds() {
        for (String refused : new String[] {null, "  ", "x".repeat(101), "Mei\nChen"}) {
            RequestRejectedException e = catchThrowableOfType(() -> StaffInputs.validate(withDisplayName(refused)),
                    RequestRejectedException.class);
            assertThat(e).as(String.valueOf(refused)).isNotNull();
            assertThat(List.<Object>copyOf((List<?>) e.problem().args()[0]))
                    .containsExactly(new Message(MessageKey.LENGTH_BETWEEN, "displayName", 1, 100));
        }
    }
}
