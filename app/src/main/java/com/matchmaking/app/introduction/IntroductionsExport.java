package com.matchmaking.app.introduction;

import com.matchmaking.readmodels.introduction.Introductions;
import com.matchmaking.readmodels.introduction.Introductions.Listed;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member's introductions for their data export, with the other side left out: no other member's id, answer or
 * feedback; the member's own answer and feedback, the meetings they had, and the outcome.
 */
@Component
public class IntroductionsExport {

    private final Introductions introductions;
    private final IntroductionRecords records;

    IntroductionsExport(Introductions introductions, IntroductionRecords records) {
        this.introductions = introductions;
        this.records = records;
    }

    public List<Map<String, Object>> of(UUID memberId) {
        return introductions.ofMember(memberId).stream().map(l -> entry(l, memberId)).toList();
    }

    private Map<String, Object> entry(Listed l, UUID memberId) {
        boolean iAmA = memberId.equals(l.memberA());
        IntroductionRecords.Contents contents = l.erasedA() || l.erasedB() ? IntroductionRecords.Contents.NONE
                : records.load(l.introductionId());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("introductionId", l.introductionId());
        entry.put("status", l.status());
        entry.put("proposedAt", l.proposedAt());
        entry.put("confirmedAt", l.confirmedAt());
        entry.put("closedAt", l.closedAt());
        entry.put("myResponse", iAmA ? l.responseA() : l.responseB());
        entry.put("meetings", contents.meetings());
        entry.put("outcome", l.outcome());
        entry.put("myFeedback", contents.feedback().get(memberId));
        return entry;
    }
}
