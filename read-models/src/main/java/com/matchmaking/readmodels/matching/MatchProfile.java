package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What matching knows of a member: the attributes it compares, the member's partner preferences and whether they
 * take part. Never a name, a contact or free text. Any attribute may be missing; a missing attribute meets no
 * criterion.
 */
public record MatchProfile(UUID memberId, Gender gender, LocalDate birthDate, String city, Education education,
                           Integer heightCm, MaritalStatus maritalStatus, PartnerPreferences preferences,
                           boolean personalised, boolean paused, boolean suspended) {

    public MatchProfile {
        preferences = preferences == null ? PartnerPreferences.NONE : preferences;
    }

    /** Whether the member is in matching at all: neither paused by themselves nor suspended by the agency. */
    public boolean active() {
        return !paused && !suspended;
    }

    /** The birth date as yyyymmdd, or {@link Integer#MIN_VALUE} when unknown; whole years of age are a division. */
    int birthKey() {
        return birthDate == null ? Integer.MIN_VALUE : dateKey(birthDate);
    }

    static int dateKey(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }
}
