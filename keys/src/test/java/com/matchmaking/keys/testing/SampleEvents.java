package com.matchmaking.keys.testing;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events of a made-up domain, shaped like real ones, for testing the keys module without any domain. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public enum Status { ACTIVE, PAUSED, IDLE, SUSPENDED_BY_STAFF }

    public record Address(@PersonalData(group = "contact", purpose = "testing") String city,
                          @NotPersonal("a country code of a fixed list") String countryCode) {
    }

    public record ProfileRecorded(@DataSubjectId UUID subjectId,
                                  @PersonalData(group = "profile", purpose = "testing") String fullName,
                                  @PersonalData(group = "contact", purpose = "testing") String phone,
                                  @PersonalData(group = "contact", purpose = "testing", placeholder = PersonalData.ERASED_AS_NULL) String email,
                                  @PersonalData(group = "profile", purpose = "testing") LocalDate birthDate,
                                  @PersonalData(group = "sensitive", purpose = "testing") Integer heightCm,
                                  @PersonalData(group = "profile", purpose = "testing") List<String> hobbies,
                                  Address address,
                                  @NotPersonal Instant recordedAt,
                                  @NotPersonal Status status) {
    }

    /** A value about a second subject, encrypted under that subject's key. */
    public record NoteShared(@DataSubjectId UUID authorId,
                             @NotPersonal UUID recipientId,
                             @PersonalData(group = "profile", purpose = "testing") String note,
                             @PersonalData(group = "profile", purpose = "testing", subject = "recipientId") String recipientAlias) {
    }

    /** Same shape as {@link ProfileRecorded}'s phone, for moving ciphertext between types. */
    public record PhoneChanged(@DataSubjectId UUID subjectId, @PersonalData(group = "contact", purpose = "testing") String phone) {
    }

    /** Personal values of a few fixed spellings, whose ciphertexts must not tell them apart by length. */
    public record StatusDeclared(@DataSubjectId UUID subjectId,
                                 @PersonalData(group = "profile", purpose = "testing") Status status,
                                 @PersonalData(group = "profile", purpose = "testing") Boolean verified,
                                 @PersonalData(group = "profile", purpose = "testing") boolean consented,
                                 @PersonalData(group = "profile", purpose = "testing") String remark) {
    }

    /** {@link PhoneChanged} after an upcaster renamed the type and the property, its binding pinned to the old names. */
    @com.matchmaking.keys.BindingName("PhoneChanged")
    public record MobileChanged(@DataSubjectId UUID subjectId,
                                @com.matchmaking.keys.BindingName("phone") @PersonalData(group = "contact", purpose = "testing") String mobile) {
    }

    /** The same rename without pinning the binding. */
    public record MobileChangedUnpinned(@DataSubjectId UUID subjectId,
                                        @PersonalData(group = "contact", purpose = "testing") String mobile) {
    }

    public record NothingPersonal(@NotPersonal UUID id, @NotPersonal Instant at) {
    }

    public static ProfileRecorded profile(UUID subject, String marker) {
        return new ProfileRecorded(subject, "Name " + marker, "+86138" + marker, marker + "@example.com",
                LocalDate.of(1990, 5, 17), 172, List.of("hiking " + marker, "tea"),
                new Address("City " + marker, "CN"), Instant.parse("2026-11-29T08:00:00Z"), Status.ACTIVE);
    }
}
