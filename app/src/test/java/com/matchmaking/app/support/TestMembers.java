package com.matchmaking.app.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Members for tests. Every text field carries the member's unique marker, the phone number is a unique digit string
 * and the birth date a unique date, so a test can search stored bytes and logs for any of them.
 */
public final class TestMembers {

    private TestMembers() {
    }

    public record Member(String marker, String email, String password, String fullName, String phone, String wechatId,
                         LocalDate birthDate, String city, String occupation, String aboutMe, String idNumber) {

        /** The registration input as GraphQL variables. */
        public Map<String, Object> input() {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("email", email);
            input.put("password", password);
            input.put("fullName", fullName);
            input.put("phone", phone);
            input.put("gender", "FEMALE");
            input.put("birthDate", birthDate.toString());
            input.put("city", city);
            input.put("maritalStatus", "NEVER_MARRIED");
            input.put("acceptedPrivacyPolicyVersion", "2026-11");
            input.put("education", "MASTER");
            input.put("occupation", occupation);
            input.put("heightCm", 168);
            input.put("incomeBand", "FROM_300K_TO_600K");
            input.put("aboutMe", aboutMe);
            input.put("wechatId", wechatId);
            input.put("consents", List.of("SENSITIVE_DATA"));
            return input;
        }

        /** The phone number as the backend stores it. */
        public String storedPhone() {
            return "+86" + phone;
        }

        /** Every value that is this member's alone, for searching stored bytes and logs. */
        public List<String> secrets() {
            return List.of(marker, email, fullName, phone, wechatId, birthDate.toString(), city, occupation, aboutMe, idNumber);
        }
    }

    /** A fresh member whose every personal value is unique. */
    public static Member fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String marker = "mk" + Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36 * 36), 36);
        String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
        LocalDate birthDate = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
        return new Member(marker,
                marker + "@example.com",
                "pw-" + marker + "-long-enough",
                "Zhang " + marker,
                phone,
                "wx" + marker,
                birthDate,
                "City-" + marker,
                "Engineer-" + marker,
                "About " + marker + " who likes tea",
                idNumber(birthDate, random));
    }

    /** A resident ID number with a correct check character, encoding the birth date, unique by its sequence digits. */
    static String idNumber(LocalDate birthDate, ThreadLocalRandom random) {
        String base = String.format("%06d", 110101 + random.nextInt(800_000))
                + birthDate.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }
}
