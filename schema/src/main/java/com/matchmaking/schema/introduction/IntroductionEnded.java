package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The introduction ended because of one member's own log (a block, a suspension): it is over, and neither sees the
 * other's contact any more. Neither the cause nor whose log it was is repeated here (who blocked whom stays out of
 * every staff view): both stay in that member's log, under their key.
 */
@Revision("1")
public record IntroductionEnded(@DataSubjectId UUID introductionId,
                                @NotPersonal Instant endedAt) {
}
