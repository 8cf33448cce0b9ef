package com.matchmaking.app.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Thresholds of the risk rules ({@code matchmaking.risk.*}). Each rule fires when what it counts goes over
 * {@code max} within {@code window}; it fires once for an account until compliance resolves the alert.
 *
 * @param distinctMembers one staff account looking at (profile views, reveals) more distinct members than this
 * @param reveals         one staff account revealing more unmasked values than this
 * @param workingHours    staff touching members' data outside these hours
 * @param failedLogins    more failed logins in a row on one staff account than this (no window: in a row)
 * @param exportVolume    more data leaving through one account than this: shares a staff member requests or
 *                        collects, a member's own exports
 */
@ConfigurationProperties("matchmaking.risk")
public record RiskProperties(@DefaultValue DistinctMembers distinctMembers,
                             @DefaultValue Reveals reveals,
                             @DefaultValue WorkingHours workingHours,
                             @DefaultValue("4") int failedLogins,
                             @DefaultValue ExportVolume exportVolume) {

    public RiskProperties {
        if (failedLogins < 1) {
            throw new IllegalArgumentException("matchmaking.risk.failed-logins must be at least 1");
        }
    }

    /** More than {@code max} within {@code window}. */
    public interface Threshold {
        int max();

        Duration window();

        static void check(String name, int max, Duration window) {
            if (max < 1 || window == null || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("matchmaking.risk." + name + " needs max >= 1 and a positive window");
            }
        }
    }

    public record DistinctMembers(@DefaultValue("20") int max, @DefaultValue("PT10M") Duration window) implements Threshold {
        public DistinctMembers {
            Threshold.check("distinct-members", max, window);
        }
    }

    public record Reveals(@DefaultValue("10") int max, @DefaultValue("PT1H") Duration window) implements Threshold {
        public Reveals {
            Threshold.check("reveals", max, window);
        }
    }

    public record ExportVolume(@DefaultValue("10") int max, @DefaultValue("P1D") Duration window) implements Threshold {
        public ExportVolume {
            Threshold.check("export-volume", max, window);
        }
    }

    /**
     * @param enabled whether access outside working hours raises an alert
     * @param zone    the agency's time zone
     * @param start   the start of the working day (inclusive)
     * @param end     its end (exclusive); before start means the day runs past midnight
     * @param days    working days
     */
    public record WorkingHours(@DefaultValue("true") boolean enabled, @DefaultValue("Asia/Shanghai") ZoneId zone,
                               @DefaultValue("08:00") LocalTime start, @DefaultValue("20:00") LocalTime end,
                               @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"})
                               Set<DayOfWeek> days) {

        /** Whether the instant falls inside working hours. */
        public boolean contains(java.time.Instant at) {
            var local = at.atZone(zone);
            LocalTime time = local.toLocalTime();
            boolean inDay = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
            return days.contains(local.getDayOfWeek()) && (inDay || start.equals(end));
        }
    }
}
