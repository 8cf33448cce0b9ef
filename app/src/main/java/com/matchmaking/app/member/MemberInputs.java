package com.matchmaking.app.member;

import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.account.PasswordRules;
import com.matchmaking.app.problem.Violations;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.IncomeBand;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PartnerPreferences.ChoiceCriterion;
import com.matchmaking.schema.member.PartnerPreferences.MinimumEducation;
import com.matchmaking.schema.member.PartnerPreferences.RangeCriterion;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import com.matchmaking.schema.text.FreeText.Kind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The GraphQL inputs of the member feature, and the rules that turn them into commands: every field validated,
 * contact data normalised to one form, free text taken as its {@code FreeText} kind, every violation reported at once
 * by field name. Nothing reaches a command,
 * and so nothing is stored, unless the whole input is valid.
 */
final class MemberInputs {

    static final int MIN_AGE = 18;
    static final int MAX_AGE = 120;

    private MemberInputs() {
    }

    record RegisterMemberInput(String email, String password, String fullName, String phone, Gender gender,
                               LocalDate birthDate, String city, MaritalStatus maritalStatus,
                               String acceptedPrivacyPolicyVersion, Education education, String occupation,
                               Integer heightCm, IncomeBand incomeBand, String aboutMe, String wechatId,
                               List<ConsentPurpose> consents, String acceptedPrivacyPolicyLanguage,
                               String acceptedPrivacyPolicyTextHash) {
    }

    record ProfileInput(String email, String fullName, String phone, Gender gender, LocalDate birthDate, String city,
                        MaritalStatus maritalStatus, Education education, String occupation, Integer heightCm,
                        IncomeBand incomeBand, String aboutMe, String wechatId, List<ProfileField> clear) {
    }

    record RangeCriterionInput(Integer min, Integer max, boolean required, Integer weight) {
    }

    record ChoiceCriterionInput<T>(List<T> accepted, boolean required, Integer weight) {
    }

    record EducationCriterionInput(Education minimum, boolean required, Integer weight) {
    }

    record PreferencesInput(RangeCriterionInput ageYears, ChoiceCriterionInput<Gender> genders,
                            ChoiceCriterionInput<String> cities, EducationCriterionInput education,
                            RangeCriterionInput heightCm, ChoiceCriterionInput<MaritalStatus> maritalStatuses) {
    }

    /** A registration, validated and normalised. */
    record ValidRegistration(Profile profile, String password, Set<ConsentPurpose> consents) {
    }

    static ValidRegistration registration(RegisterMemberInput in, String currentPolicyVersion, Clock clock) {
        Violations violations = new Violations();
        violations.check(in.acceptedPrivacyPolicyVersion() != null && in.acceptedPrivacyPolicyVersion().equals(currentPolicyVersion),
                MessageKey.POLICY_VERSION_NOT_CURRENT);
        PasswordRules.check(violations, "password", in.password(), PasswordRules.MIN_CHARACTERS);
        Profile profile = new Profile(
                required(violations, "fullName", in.fullName(), v -> name(violations, v)),
                required(violations, "email", in.email(), v -> email(violations, v)),
                required(violations, "phone", in.phone(), v -> phone(violations, v)),
                optional(in.wechatId(), v -> wechat(violations, v)),
                required(violations, "gender", in.gender(), Function.identity()),
                required(violations, "birthDate", in.birthDate(), v -> birthDate(violations, v, clock)),
                required(violations, "city", in.city(), v -> city(violations, "city", v)),
                required(violations, "maritalStatus", in.maritalStatus(), Function.identity()),
                in.education(),
                optional(in.occupation(), v -> FreeTextInput.optional(Kind.OCCUPATION, v, "occupation", violations)),
                optional(in.heightCm(), v -> height(violations, "heightCm", v)),
                in.incomeBand(),
                optional(in.aboutMe(), v -> FreeTextInput.optional(Kind.ABOUT_ME, v, "aboutMe", violations)));
        Set<ConsentPurpose> consents = in.consents() == null ? Set.of() : Set.copyOf(in.consents());
        violations.check(in.incomeBand() == null || consents.contains(ConsentPurpose.SENSITIVE_DATA),
                MessageKey.INCOME_NEEDS_CONSENT);
        violations.throwIfAny();
        return new ValidRegistration(profile, in.password(), consents);
    }

    static ProfilePatch patch(ProfileInput in, Clock clock) {
        Violations violations = new Violations();
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        Set<ProfileField> cleared = in.clear() == null ? Set.of() : EnumSet.copyOf(nonEmpty(in.clear()));
        for (ProfileField field : cleared) {
            violations.check(!field.required(), MessageKey.REQUIRED_NOT_CLEARABLE, field.propertyName());
            fields.add(field);
        }
        Profile values = new Profile(
                changed(fields, cleared, ProfileField.FULL_NAME, in.fullName(), v -> name(violations, v), violations),
                changed(fields, cleared, ProfileField.EMAIL, in.email(), v -> email(violations, v), violations),
                changed(fields, cleared, ProfileField.PHONE, in.phone(), v -> phone(violations, v), violations),
                changed(fields, cleared, ProfileField.WECHAT_ID, in.wechatId(), v -> wechat(violations, v), violations),
                changed(fields, cleared, ProfileField.GENDER, in.gender(), Function.identity(), violations),
                changed(fields, cleared, ProfileField.BIRTH_DATE, in.birthDate(), v -> birthDate(violations, v, clock), violations),
                changed(fields, cleared, ProfileField.CITY, in.city(), v -> city(violations, "city", v), violations),
                changed(fields, cleared, ProfileField.MARITAL_STATUS, in.maritalStatus(), Function.identity(), violations),
                changed(fields, cleared, ProfileField.EDUCATION, in.education(), Function.identity(), violations),
                changed(fields, cleared, ProfileField.OCCUPATION, in.occupation(), v -> FreeTextInput.optional(Kind.OCCUPATION, v, "occupation", violations), violations),
                changed(fields, cleared, ProfileField.HEIGHT_CM, in.heightCm(), v -> height(violations, "heightCm", v), violations),
                changed(fields, cleared, ProfileField.INCOME_BAND, in.incomeBand(), Function.identity(), violations),
                changed(fields, cleared, ProfileField.ABOUT_ME, in.aboutMe(), v -> FreeTextInput.optional(Kind.ABOUT_ME, v, "aboutMe", violations), violations));
        violations.check(!fields.isEmpty(), MessageKey.AT_LEAST_ONE_FIELD);
        violations.throwIfAny();
        return new ProfilePatch(fields, values);
    }

    static PartnerPreferences preferences(PreferencesInput in) {
        Violations violations = new Violations();
        PartnerPreferences preferences = new PartnerPreferences(
                range(violations, "ageYears", in.ageYears(), MIN_AGE, MAX_AGE),
                choice(violations, "genders", in.genders(), Function.identity()),
                choice(violations, "cities", in.cities(), v -> city(violations, "cities", v)),
                in.education() == null ? null : new MinimumEducation(in.education().minimum(), in.education().required(),
                        weight(violations, "education", in.education().weight())),
                range(violations, "heightCm", in.heightCm(), 100, 250),
                choice(violations, "maritalStatuses", in.maritalStatuses(), Function.identity()));
        violations.throwIfAny();
        return preferences;
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        return list.isEmpty() ? List.of() : list;
    }

    private static <T, R> R required(Violations violations, String field, T value, Function<T, R> validate) {
        violations.check(value != null, MessageKey.REQUIRED, field);
        return value == null ? null : validate.apply(value);
    }

    private static <T, R> R optional(T value, Function<T, R> validate) {
        return value == null ? null : validate.apply(value);
    }

    private static <T, R> R changed(Set<ProfileField> fields, Set<ProfileField> cleared, ProfileField field, T value,
                                    Function<T, R> validate, Violations violations) {
        if (value == null) {
            return null;
        }
        violations.check(!cleared.contains(field), MessageKey.GIVEN_AND_CLEARED, field.propertyName());
        fields.add(field);
        return validate.apply(value);
    }

    private static String name(Violations violations, String raw) {
        return FreeTextInput.required(Kind.FULL_NAME, raw, "fullName", violations);
    }

    private static String email(Violations violations, String raw) {
        var email = ContactFormats.email(raw);
        violations.check(email.isPresent(), MessageKey.EMAIL_FORMAT);
        return email.orElse(null);
    }

    private static String phone(Violations violations, String raw) {
        var phone = ContactFormats.phone(raw);
        violations.check(phone.isPresent(), MessageKey.PHONE_FORMAT);
        return phone.orElse(null);
    }

    private static String wechat(Violations violations, String raw) {
        String id = raw.strip();
        violations.check(ContactFormats.wechatId(id), MessageKey.WECHAT_FORMAT);
        return id;
    }

    private static LocalDate birthDate(Violations violations, LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        int age = date.isAfter(today) ? -1 : Period.between(date, today).getYears();
        violations.check(age >= MIN_AGE && age <= MAX_AGE, MessageKey.BIRTH_DATE_AGE, MIN_AGE, MAX_AGE);
        return date;
    }

    private static String city(Violations violations, String field, String raw) {
        return FreeTextInput.required(Kind.CITY, raw, field, violations);
    }

    private static Integer height(Violations violations, String field, Integer cm) {
        violations.check(cm >= 100 && cm <= 250, MessageKey.NUMBER_BETWEEN, field, 100, 250);
        return cm;
    }

    private static int weight(Violations violations, String field, Integer weight) {
        int w = weight == null ? 5 : weight;
        violations.check(w >= 1 && w <= 10, MessageKey.NUMBER_BETWEEN, field + ".weight", 1, 10);
        return w;
    }

    private static RangeCriterion range(Violations violations, String field, RangeCriterionInput in, int lowest, int highest) {
        if (in == null) {
            return null;
        }
        violations.check(in.min() != null || in.max() != null, MessageKey.RANGE_NEEDS_BOUND, field);
        violations.check(in.min() == null || (in.min() >= lowest && in.min() <= highest),
                MessageKey.NUMBER_BETWEEN, field + ".min", lowest, highest);
        violations.check(in.max() == null || (in.max() >= lowest && in.max() <= highest),
                MessageKey.NUMBER_BETWEEN, field + ".max", lowest, highest);
        violations.check(in.min() == null || in.max() == null || in.min() <= in.max(),
                MessageKey.RANGE_MIN_ABOVE_MAX, field);
        return new RangeCriterion(in.min(), in.max(), in.required(), weight(violations, field, in.weight()));
    }

    private static <T, R> ChoiceCriterion<R> choice(Violations violations, String field, ChoiceCriterionInput<T> in,
                                                    Function<T, R> validate) {
        if (in == null) {
            return null;
        }
        List<T> accepted = in.accepted() == null ? List.of() : in.accepted();
        violations.check(!accepted.isEmpty() && accepted.size() <= 50,
                MessageKey.COUNT_BETWEEN, field + ".accepted", 1, 50);
        // A rejected value comes back null; its violation stops the input, so it is only left out here.
        return new ChoiceCriterion<>(Set.copyOf(accepted.stream().map(validate).filter(Objects::nonNull).toList()),
                in.required(), weight(violations, field, in.weight()));
    }
}
