package com.matchmaking.app.history;

import com.matchmaking.app.consent.ConsentViews;
import com.matchmaking.app.member.MemberDetails;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.member.MemberRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reader of a subject's log, on the real event store and the crypto-shredding serializer: views see the
 * decrypted values in order, a subject of another kind (or none) reads as unknown, and a start sequence skips what
 * came before it.
 */
class SubjectHistoryTest extends IntegrationTest {

    @Autowired
    SubjectHistory history;

    /** Every event's sequence and type, and none left out: what the typed handlers and the fallback both see. */
    private static final HistoryView<List<String>> EVENTS = HistoryView
            .startingWith(() -> (List<String>) new ArrayList<String>())
            .onMessage(MemberRegistered.class, (seen, e, m) -> add(seen, m.getSequenceNumber() + " registered"))
            .otherwise((seen, e, m) -> add(seen, m.getSequenceNumber() + " " + e.getClass().getSimpleName()))
            .build(List::copyOf);

    @Test
    void aMemberViewReadsTheDecryptedLogInOrder() {
        Api.Registered member = api().register(TestMembers.fresh());
        api().as(member.token()).documentName("withdrawConsent").variable("purpose", "SENSITIVE_DATA")
                .execute().path("withdrawConsent").hasValue();

        MemberDetails details = history.read(member.memberId(), MemberDetails.VIEW).orElseThrow();
        assertThat(details.memberId()).isEqualTo(member.memberId());
        assertThat(details.profile().email()).isEqualTo(member.data().email());
        assertThat(details.profile().aboutMe()).contains(member.data().marker());
        assertThat(history.read(member.memberId(), ConsentViews.CURRENT).orElseThrow()
                .get(ConsentPurpose.SENSITIVE_DATA).granted()).isFalse();
        assertThat(history.readFrom(member.memberId(), 0, ConsentViews.CURRENT)).as("the same from the first sequence")
                .isEqualTo(history.read(member.memberId(), ConsentViews.CURRENT));
        assertThat(history.read(member.memberId(), ConsentViews.LEDGER).orElseThrow())
                .last().satisfies(entry -> assertThat(entry.action()).isEqualTo("WITHDRAWN"));

        List<String> events = history.read(member.memberId(), EVENTS).orElseThrow();
        assertThat(events.get(0)).isEqualTo("0 registered");
        assertThat(events).last().isEqualTo((events.size() - 1) + " " + ConsentWithdrawn.class.getSimpleName());
    }

    @Test
    void aStartSequenceSkipsTheEventsBeforeIt() {
        Api.Registered member = api().register(TestMembers.fresh());
        api().as(member.token()).documentName("withdrawConsent").variable("purpose", "SENSITIVE_DATA")
                .execute().path("withdrawConsent").hasValue();
        List<String> all = history.read(member.memberId(), EVENTS).orElseThrow();

        List<String> later = history.readFrom(member.memberId(), 1, EVENTS).orElseThrow();

        assertThat(later).isEqualTo(all.subList(1, all.size()));
        // The member view knows a member by their registration: from a later sequence it has not seen one.
        assertThat(history.readFrom(member.memberId(), 1, MemberDetails.PROFILE)).isEmpty();
    }

    @Test
    void aSubjectOfAnotherKindOrNoneReadsAsUnknown() {
        Staffing.StaffMember staff = new Staffing(api()).cleared(Role.CUSTOMER_SERVICE);

        assertThat(history.read(UUID.randomUUID(), EVENTS)).isEmpty();
        assertThat(history.read(UUID.randomUUID(), MemberDetails.VIEW)).isEmpty();
        // A staff account has a log, but no registration in it: no member view answers for it.
        assertThat(history.read(staff.staffId(), EVENTS)).isPresent();
        assertThat(history.read(staff.staffId(), MemberDetails.VIEW)).isEmpty();
        assertThat(history.read(staff.staffId(), ConsentViews.CURRENT)).isEmpty();
    }

    @Test
    void combinedViewsReadInOnePassAndAreKnownOnlyWhereBothAre() {
        Api.Registered member = api().register(TestMembers.fresh());
        HistoryView<Integer> grants = HistoryView.startingWith(() -> 0)
                .on(ConsentGranted.class, (count, e) -> count + 1)
                .build(count -> count);

        var both = HistoryView.combine(MemberDetails.PROFILE, EVENTS, (profile, events) -> profile.email() + events.size());
        var profileAndGrants = HistoryView.combine(MemberDetails.PROFILE, grants, (profile, count) -> count);

        int events = history.read(member.memberId(), EVENTS).orElseThrow().size();
        assertThat(history.read(member.memberId(), both)).contains(member.data().email() + events);
        Staffing.StaffMember staff = new Staffing(api()).cleared(Role.CUSTOMER_SERVICE);
        assertThat(history.read(staff.staffId(), profileAndGrants)).isEmpty();
    }

    private static List<String> add(List<String> seen, String event) {
        seen.add(event);
        return seen;
    }
}
