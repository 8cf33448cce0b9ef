package com.matchmaking.app.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an 18-character resident ID number (GB 11643-1999) in memory: its check character, and the birth date it
 * encodes against the member's own. Only the outcome and a masked form are kept; the number itself never is.
 */
final class IdNumbers {

    private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The number upper-cased and trimmed, if it has the 18-character form. */
    static Optional<String> normalise(String raw) {
        String id = raw.strip().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    static boolean checksumValid(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == id.charAt(17);
    }

    static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the number checks out for a member born on {@code birthDate}. */
    static boolean verifies(String id, LocalDate birthDate) {
        return checksumValid(id) && birthDate(id).filter(d -> d.equals(birthDate)).isPresent();
    }
}
