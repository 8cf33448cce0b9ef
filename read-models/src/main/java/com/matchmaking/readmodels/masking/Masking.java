package com.matchmaking.readmodels.masking;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masking catalog: the one place that decides what a masked value looks like. Every read model that shows
 * staff a trace of a personal value gets it from here, so no staff table can hold a full name, phone number, email,
 * WeChat id or ID number. Masks never reveal the length of what they hide beyond what is stated here.
 */
public final class Masking {

    /** Two-character surnames, so 欧阳娜娜 masks to 欧阳** and not 欧***. */
    private static final List<String> COMPOUND_SURNAMES = List.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
            "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "澹台", "公冶", "宗政", "濮阳", "太叔", "申屠",
            "闻人", "赫连", "呼延", "万俟", "司空", "百里", "东郭", "拓跋", "左丘", "第五", "梁丘", "淳于", "单于");

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d)(\\d{4})(\\d{4})");
    private static final Pattern MAINLAND_LANDLINE = Pattern.compile("(?:\\+86|0)(10|2\\d|[3-9]\\d{2})(\\d{6,8})");
    private static final Pattern DIGITS = Pattern.compile("[^0-9+]");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern STORED_ID_MASK = Pattern.compile("[\\d*]{14}\\d{3}[\\dX]");

    private Masking() {
    }

    /**
     * A person's name: Chinese names keep the surname (compound surnames included) and hide each given-name
     * character; Latin names keep each part's initial. One-character names hide entirely.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "*";
        }
        if (HAN.matcher(trimmed).matches()) {
            int codePoints = trimmed.codePointCount(0, trimmed.length());
            if (codePoints <= 1) {
                return "*";
            }
            String surname = COMPOUND_SURNAMES.stream().filter(s -> trimmed.startsWith(s) && codePoints > 2).findFirst()
                    .orElse(trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)));
            int hidden = codePoints - surname.codePointCount(0, surname.length());
            return surname + "*".repeat(hidden);
        }
        StringBuilder masked = new StringBuilder();
        for (String part : trimmed.split("[\\s·.\\-]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (masked.length() > 0) {
                masked.append(' ');
            }
            masked.appendCodePoint(part.codePointAt(0)).append("***");
        }
        return masked.length() == 0 ? "*" : masked.toString();
    }

    /** The surname and a star: what another member sees of a name. */
    public static String surnameOnly(String name) {
        String masked = name(name);
        if (masked == null) {
            return null;
        }
        int star = masked.indexOf('*');
        return star <= 0 ? "*" : masked.substring(0, star) + "*";
    }

    /**
     * A phone number: mainland mobiles as 138****1234, mainland landlines as 010****78, anything else as its first
     * three characters, stars and last two digits.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String compact = DIGITS.matcher(phone).replaceAll("");
        Matcher mobile = MAINLAND_MOBILE.matcher(compact);
        if (mobile.matches()) {
            return mobile.group(1) + "****" + mobile.group(3);
        }
        Matcher landline = MAINLAND_LANDLINE.matcher(compact);
        if (landline.matches()) {
            String local = landline.group(2);
            return "0" + landline.group(1) + "****" + local.substring(local.length() - 2);
        }
        if (compact.length() < 6) {
            return "****";
        }
        return compact.substring(0, 3) + "****" + compact.substring(compact.length() - 2);
    }

    /** An email address as a***@example.com: the first character of the local part, and the domain. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }

    /**
     * An 18-character resident ID number as fourteen stars and its last four characters: **************123X. The
     * rest is never kept: the first six are the region of registration and the next eight the birth date, which the
     * member's own birth date and city would fill in again, leaving too few unknown digits for the check character to
     * protect. An earlier, longer mask (110***********123X, as stored before) comes out the same way.
     */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String trimmed = idNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (!ID_NUMBER.matcher(trimmed).matches() && !STORED_ID_MASK.matcher(trimmed).matches()) {
            return "*".repeat(Math.max(1, Math.min(trimmed.length(), 18)));
        }
        return "*".repeat(14) + trimmed.substring(14);
    }

    /** A WeChat id as its first two characters, stars and its last character. */
    public static String wechatId(String wechatId) {
        if (wechatId == null) {
            return null;
        }
        String trimmed = wechatId.strip();
        if (trimmed.length() < 4) {
            return "****";
        }
        return trimmed.substring(0, 2) + "****" + trimmed.substring(trimmed.length() - 1);
    }

    /** Age in whole years on a given day. */
    public static Integer age(LocalDate birthDate, LocalDate on) {
        if (birthDate == null) {
            return null;
        }
        return Period.between(birthDate, on).getYears();
    }

    /** Age as a five-year band (25-29), what audiences without the right to an exact age see. */
    public static String ageBand(LocalDate birthDate, LocalDate on) {
        return band(age(birthDate, on));
    }

    /**
     * The age band from a birth year alone (what a read model keeps for such audiences): the age someone born that
     * year reaches this year, which is right or one year ahead, close enough for a five-year band.
     */
    public static String ageBandFromYear(Integer birthYear, LocalDate on) {
        return birthYear == null ? null : band(on.getYear() - birthYear);
    }

    private static String band(Integer age) {
        if (age == null) {
            return null;
        }
        if (age < 20) {
            return "18-19";
        }
        if (age >= 60) {
            return "60+";
        }
        int low = age / 5 * 5;
        return low + "-" + (low + 4);
    }
}
