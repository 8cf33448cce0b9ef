package com.matchmaking.app.member;

import com.matchmaking.app.member.MemberInputs.ChoiceCriterionInput;
import com.matchmaking.app.member.MemberInputs.PreferencesInput;
import com.matchmaking.app.member.MemberInputs.ProfileInput;
import com.matchmaking.app.problem.Message;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The member's free text is taken by its {@code FreeText} kind: the bounds and messages it always had. */
class MemberInputsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static ProfileInput profile(String fullName, String city, String occupation, String aboutMe) {
        return new ProfileInput(null, fullName, null, null, null, city, null, null, occupation, null, null, aboutMe,
                null, null);
    }

    private static List<Object> violations(Runnable input) {
        RequestRejectedException e = catchThrowableOfType(input::run, RequestRejectedException.class);
        assertThat(e).isNotNull();
        assertThat(e.problem().key()).isEqualTo(MessageKey.INVALID_INPUT);
        return List.copyOf((List<?>) e.problem().args()[0]);
    }

    @Test
    void textIsStrippedAndPutInNfc() {
        ProfilePatch patch = MemberInputs.patch(profile("\u3000Zoe\u0308 Li ", " 上海 ", " 教师 ", "  line one\n\tline two "),
                CLOCK);

        assertThat(patch.values().fullName()).isEqualTo("Zo\u00eb Li");
        assertThat(patch.values().city()).isEqualTo("上海");
        assertThat(patch.values().occupation()).isEqualTo("教师");
        assertThat(patch.values().aboutMe()).isEqualTo("line one\n\tline two");
    }

    @Test
    void theLimitsAndMessagesAreTheOnesTheFieldsAlwaysHad() {
        assertThat(MemberInputs.patch(profile("x".repeat(100), "x".repeat(60), "x".repeat(100), "x".repeat(2000)),
                CLOCK).fields()).contains(ProfileField.FULL_NAME, ProfileField.CITY, ProfileField.OCCUPATION,
                ProfileField.ABOUT_ME);

        assertThat(violations(() -> MemberInputs.patch(
                profile("x".repeat(101), "x".repeat(61), "x".repeat(101), "x".repeat(2001)), CLOCK)))
                .containsExactlyInAnyOrder(
                        new Message(MessageKey.LENGTH_BETWEEN, "fullName", 1, 100),
                        new Message(MessageKey.LENGTH_BETWEEN, "city", 1, 60),
                        new Message(MessageKey.LENGTH_AT_MOST, "occupation", 100),
                        new Message(MessageKey.LENGTH_AT_MOST, "aboutMe", 2000));
    }

    @Test
    void aBlankNameOrCityIsRefusedAndABlankOccupationOrAboutMeIsNone() {
        assertThat(violations(() -> MemberInputs.patch(profile(" \u3000 ", "  ", null, null), CLOCK)))
                .containsExactlyInAnyOrder(
                        new Message(MessageKey.LENGTH_BETWEEN, "fullName", 1, 100),
                        new Message(MessageKey.LENGTH_BETWEEN, "city", 1, 60));

        ProfilePatch patch = MemberInputs.patch(profile(null, null, "  ", "\u3000"), CLOCK);
        assertThat(patch.values().occupation()).isNull();
        assertThat(patch.values().aboutMe()).isNull();
    }

    @Test
    void onlyAboutMeMayHoldLineBreaks() {
        assertThat(violations(() -> MemberInputs.patch(profile("Li\nWei", "Shang\thai", "tea\ncher", "a\u0000b"), CLOCK)))
                .containsExactlyInAnyOrder(
                        new Message(MessageKey.LENGTH_BETWEEN, "fullName", 1, 100),
                        new Message(MessageKey.LENGTH_BETWEEN, "city", 1, 60),
                        new Message(MessageKey.LENGTH_AT_MOST, "occupation", 100),
                        new Message(MessageKey.LENGTH_AT_MOST, "aboutMe", 2000));
    }

    @Test
    void aRefusedCityAmongTheAcceptedOnesIsAViolationNamingTheList() {
        PreferencesInput in = new PreferencesInput(null, null,
                new ChoiceCriterionInput<>(List.of("北京", "x".repeat(61)), false, null), null, null, null);

        assertThat(violations(() -> MemberInputs.preferences(in)))
                .containsExactly(new Message(MessageKey.LENGTH_BETWEEN, "cities", 1, 60));
        assertThat(MemberInputs.preferences(new PreferencesInput(null, null,
                new ChoiceCriterionInput<>(List.of(" 北京 ", "北京"), false, null), null, null, null))
                .cities().accepted()).containsExactly("北京");
    }
}
