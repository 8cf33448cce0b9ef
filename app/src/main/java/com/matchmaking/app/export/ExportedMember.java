package com.matchmaking.app.export;

import com.matchmaking.app.consent.ConsentViews;
import com.matchmaking.app.consent.ConsentViews.ConsentEntry;
import com.matchmaking.app.consent.ConsentViews.ConsentState;
import com.matchmaking.app.consent.ConsentViews.PolicyAcceptance;
import com.matchmaking.app.erasure.ErasureState;
import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.participation.ConsultationNote;
import com.matchmaking.app.participation.MatchingState;
import com.matchmaking.app.member.MemberDetails;
import com.matchmaking.app.retention.RetentionState;
import com.matchmaking.app.sharing.Shares;
import com.matchmaking.app.sharing.Shares.ShareRecord;
import com.matchmaking.schema.consent.ConsentPurpose;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything the export shows of the member's own log: each feature's view, read together in one pass over the events.
 */
record ExportedMember(MemberDetails details, Map<ConsentPurpose, ConsentState> consents, List<ConsentEntry> consentLedger,
                      PolicyAcceptance policyAcceptance, List<ShareRecord> shares, RetentionState retention,
                      ErasureState erasure, MatchingState matching, List<ConsultationNote> notes,
                      List<ChangeList.Change> changes) {

    static final HistoryView<ExportedMember> VIEW = HistoryView
            .startingWith(Readings::new)
            .otherwise((readings, event, message) -> readings.apply(message))
            .build(Readings::result);

    /** One reading per view, each handed every event. */
    private static final class Readings {
        private final HistoryView.Reading<MemberDetails> details = MemberDetails.VIEW.begin();
        private final HistoryView.Reading<Map<ConsentPurpose, ConsentState>> consents =
                ConsentViews.CURRENT.begin();
        private final HistoryView.Reading<List<ConsentEntry>> ledger = ConsentViews.LEDGER.begin();
        private final HistoryView.Reading<PolicyAcceptance> policy = ConsentViews.POLICY_ACCEPTANCE.begin();
        private final HistoryView.Reading<List<ShareRecord>> shares = Shares.VIEW.begin();
        private final HistoryView.Reading<RetentionState> retention = RetentionState.VIEW.begin();
        private final HistoryView.Reading<ErasureState> erasure = ErasureState.VIEW.begin();
        private final HistoryView.Reading<MatchingState> matching = MatchingState.VIEW.begin();
        private final HistoryView.Reading<List<ConsultationNote>> notes = ConsultationNote.ALL.begin();
        private final HistoryView.Reading<List<ChangeList.Change>> changes = ChangeList.VIEW.begin();

        Readings apply(DomainEventMessage<?> message) {
            Consumer<HistoryView.Reading<?>> apply = reading -> reading.apply(message);
            Stream.of(details, consents, ledger, policy, shares, retention, erasure, matching, notes, changes)
                    .forEach(apply);
            return this;
        }

        /** Null (an unknown member) unless the member registered, which every view needs alike. */
        ExportedMember result() {
            return details.result().map(d -> new ExportedMember(d, consents.result().orElseThrow(),
                    ledger.result().orElseThrow(), policy.result().orElse(null), shares.result().orElseThrow(),
                    retention.result().orElseThrow(), erasure.result().orElseThrow(), matching.result().orElseThrow(),
                    notes.result().orElseThrow(), changes.result().orElseThrow())).orElse(null);
        }
    }
}
