package com.matchmaking.app.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.introduction.IntroductionsExport;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.language.Languages;
import com.matchmaking.app.policy.PersonalDataInventory;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.member.MemberDetails;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.access.RecordDataExport;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.matchmaking.MemberContactViewed;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.purpose.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The right of access and portability: everything held about the caller as one machine-readable JSON document,
 * built from the event log (current values, every change with its time and actor, consents and the consent ledger,
 * third-party shares, erasure state, and who accessed the data). The export itself is recorded as an access event before the document leaves.
 */
@Controller
class MemberDataExportController {

    static final String FORMAT = "matchmaking-member-export/1";
    private static final Logger log = LoggerFactory.getLogger(MemberDataExportController.class);
    private static final Set<String> ACCESS_EVENTS = Set.of(MemberDataExported.class.getSimpleName(),
            MemberFieldRevealed.class.getSimpleName(), MemberProfileViewed.class.getSimpleName(),
            MemberDataShared.class.getSimpleName(), MemberAuditTrailViewed.class.getSimpleName(),
            MemberContactViewed.class.getSimpleName(), ConsultationNotesViewed.class.getSimpleName(),
            IntroductionRecordsViewed.class.getSimpleName());

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final IntroductionsExport introductions;
    private final PersonalDataInventory inventory;
    private final Messages messages;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    MemberDataExportController(AuditedCommands commands, SubjectHistory history, IntroductionsExport introductions,
                               PersonalDataInventory inventory, Messages messages, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.introductions = introductions;
        this.clock = clock;
        this.inventory = inventory;
        this.messages = messages;
    }

    /**
     * Why each field of the export is held, in the member's language; the field names stay those of the document's
     * keys, with a label beside each. Staff data is not the member's.
     */
    private List<Map<String, Object>> purposes(Locale locale) {
        return inventory.entries().stream()
                .filter(e -> e.purpose() != Purpose.STAFF_ADMINISTRATION)
                .map(e -> {
                    String code = e.purpose().code();
                    String basis = e.purpose().basis().labelKey();
                    Map<String, String> labels = new LinkedHashMap<>();
                    e.fields().forEach(f -> labels.put(f, messages.label("field." + code + "." + f, locale)));
                    Map<String, Object> purpose = new LinkedHashMap<>();
                    purpose.put("purpose", code);
                    purpose.put("description", messages.label(e.purpose().labelKey(), locale));
                    purpose.put("legalBasis", messages.label(basis, locale));
                    purpose.put("pipl", e.purpose().basis().pipl());
                    purpose.put("gdpr", e.purpose().basis().gdpr());
                    purpose.put("retention", messages.label(e.purpose().labelKey() + ".retention", locale));
                    purpose.put("fields", List.copyOf(e.fields()));
                    purpose.put("fieldLabels", labels);
                    return purpose;
                })
                .toList();
    }

    @QueryMapping
    Map<String, Object> myDataExport(@ContextValue Actor actor, Locale locale) {
        Instant now = clock.instant();
        commands.send(new RecordDataExport(actor.accountId(), now), actor, Purpose.DATA_EXPORT);
        ExportedMember record = history.read(actor.accountId(), ExportedMember.VIEW)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
        log.info("Export for member {}: {} events read", actor.accountId(), record.changes().size());
        return document(record, now, locale == null ? Languages.DEFAULT : locale);
    }

    Map<String, Object> document(ExportedMember record, Instant generatedAt, Locale locale) {
        MemberDetails details = record.details();
        Map<String, Object> profile = new LinkedHashMap<>();
        for (ProfileField field : ProfileField.values()) {
            profile.put(field.propertyName(), details.profile().value(field));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("language", Languages.tag(locale));
        document.put("about", messages.text(MessageKey.EXPORT_ABOUT, locale));
        document.put("generatedAt", generatedAt);
        document.put("memberId", details.memberId());
        document.put("registeredAt", details.registeredAt());
        document.put("acceptedPrivacyPolicyVersion", details.policyVersion());
        // The language and the hash of the exact text accepted last (null for acceptances from before languages).
        document.put("acceptedPrivacyPolicy", record.policyAcceptance());
        document.put("profile", profile);
        document.put("preferences", details.preferences());
        document.put("consents", List.copyOf(record.consents().values()));
        document.put("consentLedger", record.consentLedger());
        document.put("shares", record.shares());
        // That a legal hold keeps the data, not why: a hold may be confidential (PIPL Art. 18; GDPR Art. 23).
        document.put("legalHold", record.retention().legalHold() != null);
        document.put("retentionNotice", record.retention().retentionNotice());
        document.put("idVerification", details.idVerification());
        document.put("erasure", record.erasure());
        document.put("matching", record.matching());
        document.put("consultationNotes", record.notes());
        document.put("introductions", introductions.of(details.memberId()));
        document.put("history", record.changes().stream().filter(c -> !ACCESS_EVENTS.contains(c.event())).toList());
        document.put("accessLog", record.changes().stream().filter(c -> ACCESS_EVENTS.contains(c.event())).toList());
        document.put("purposes", purposes(locale));
        // Fix the document's JSON form here, with explicit date handling, rather than leave it to the HTTP layer.
        return json.convertValue(document, new TypeReference<>() { });
    }
}
