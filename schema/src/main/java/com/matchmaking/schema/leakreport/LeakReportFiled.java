package com.matchmaking.schema.leakreport;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A leak report. Who filed it, what they wrote and whom they named are encrypted under the report's own key: only
 * compliance, reading the report from the log, sees them. The command's metadata names no reporter either.
 */
@Revision("1")
public record LeakReportFiled(@DataSubjectId UUID reportId,
                              @PersonalData(group = KeyGroups.CASE, purpose = DataPurposes.LEAK_REPORTING) UUID reporterId,
                              @NotPersonal LeakCategory category,
                              @PersonalData(group = KeyGroups.CASE, purpose = DataPurposes.LEAK_REPORTING) String description,
                              @PersonalData(group = KeyGroups.CASE, purpose = DataPurposes.LEAK_REPORTING) UUID suspectedStaffId,
                              @PersonalData(group = KeyGroups.CASE, purpose = DataPurposes.LEAK_REPORTING) UUID concernedMemberId,
                              @NotPersonal Instant filedAt) {
}
