package com.matchmaking.app.leak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.DatabaseDump;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.LogCapture;
import com.matchmaking.app.support.Processors;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.kek.LocalFileKekProvider;
import com.matchmaking.keys.serialization.ClassPlan;
import com.matchmaking.keys.serialization.FieldPlan;
import com.matchmaking.keys.serialization.PersonalDataCatalog;
import com.matchmaking.schema.account.Role;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The heart of the product's promise. Members with a unique marker in every personal field register, change their
 * data, use their rights, make mistakes; some are erased. Then every row of every table (found from the catalog,
 * bytea decoded) and everything the application logged is searched for what they typed.
 */
@Tag("external-postgres")
class PersonalDataLeakTest extends IntegrationTest {

    /** Tables that must never hold a personal value of anyone, masked or not. */
    private static final List<String> INFRASTRUCTURE_TABLES = List.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Value("${matchmaking.keys.kek-file}")
    Path kekFile;

    @Test
    void noPersonalValueLeaksIntoStorageOrLogsAndErasedMembersAreGoneForGood() throws Exception {
        List<Api.Registered> kept = new ArrayList<>();
        List<Api.Registered> erased = new ArrayList<>();
        try (LogCapture logs = LogCapture.attach()) {
            Staffing staffing = new Staffing(api());
            Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
            Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
            Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
            for (int i = 0; i < 4; i++) {
                Api.Registered member = api().register(TestMembers.fresh());
                liveALittle(member, i == 0 ? 26 : 2);
                staffing.assign(member.memberId(), matchmaker.staffId());
                (i < 2 ? kept : erased).add(member);
            }
            new Processors(processing, eventStore).awaitCaughtUp(Duration.ofSeconds(30));
            for (Api.Registered member : union(kept, erased)) {
                lookAsStaff(member, matchmaker, service);
                shareHoldAndAudit(member, service, compliance);
            }
            String noteMarker = resolveAnAlertWithANote(staffing, compliance);
            Map<UUID, List<String>> matchmakingTexts = new HashMap<>();
            matchmake(kept.get(0), erased.get(0), matchmaker, service, matchmakingTexts);
            matchmake(kept.get(1), kept.get(0), matchmaker, service, matchmakingTexts);
            matchmake(erased.get(1), kept.get(1), matchmaker, service, matchmakingTexts);
            makeMistakes(kept.get(0));
            for (Api.Registered member : erased) {
                // A colleague reports a concern about the member, in words that name them.
                api().as(service.token()).documentName("fileLeakReport").variable("input", Map.of("category", "DATA_LEAK",
                        "description", "Contact of " + member.data().marker() + " seen outside the agency",
                        "concernedMemberId", member.memberId().toString())).execute().path("fileLeakReport.reportId").hasValue();
            }
            for (Api.Registered member : erased) {
                api().as(member.token()).documentName("requestErasure").execute()
                        .path("requestErasure.state").entity(String.class).isEqualTo("ERASED");
            }
            new Processors(processing, eventStore).awaitCaughtUp(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                            Integer.class, kept.get(0).memberId().toString()) > 0);

            DatabaseDump dump = DatabaseDump.of(jdbc);
            List<String> logLines = logs.lines();

            assertThat(dump.rowsByTable()).containsKeys("domain_event_entry", "snapshot_event_entry", "subject_key",
                    "matchmaker_member_card", "service_member_card", "account", "token_entry", "dead_letter_entry");
            assertThat(dump.rowsByTable().get("snapshot_event_entry")).as("a snapshot was written and is searched").isNotEmpty();
            assertThat(logLines).as("the log is captured and searched").isNotEmpty();

            for (Api.Registered member : union(kept, erased)) {
                TestMembers.Member data = member.data();
                for (String contact : List.of(data.fullName(), data.phone(), data.email(), data.wechatId(), data.idNumber())) {
                    assertThat(dump.tablesContaining(contact))
                            .as("name, phone, email, WeChat id and ID number appear nowhere, staff read models included").isEmpty();
                }
                for (String secret : data.secrets()) {
                    assertThat(dump.tablesContaining(secret, INFRASTRUCTURE_TABLES))
                            .as("no personal value in events, snapshots, tokens, sagas or dead letters").isEmpty();
                    assertThat(logs.linesContaining(secret)).as("no personal value in the log").isEmpty();
                }
                assertThat(dump.tablesContaining(data.password())).as("passwords are stored only hashed").isEmpty();
                for (String text : matchmakingTexts.getOrDefault(member.memberId(), List.of())) {
                    assertThat(dump.tablesContaining(text)).as("introduction notes, meeting places, feedback, consultation "
                            + "notes and suspension reasons are stored only encrypted").isEmpty();
                    assertThat(logs.linesContaining(text)).isEmpty();
                }
            }
            for (Api.Registered member : erased) {
                for (String secret : member.data().secrets()) {
                    assertThat(dump.tablesContaining(secret)).as("nothing of an erased member anywhere").isEmpty();
                }
                assertThat(dump.tablesContaining(member.memberId().toString(),
                        List.of("matchmaker_member_card", "service_member_card", "analytics_member", "account", "subject_key",
                                "erasure_schedule", "matching_profile", "matching_exclusion", "introduction",
                                "introduction_member_lock")))
                        .as("no row of an erased member in any role's read model, logins or keys").isEmpty();
                assertNothingLeftCanDecrypt(member.memberId());
            }
            assertThat(dump.tablesContaining(kept.get(0).data().city(), List.of("matchmaker_member_card", "service_member_card")))
                    .as("the masked read model does hold what it may (the city): the search would find a leak").isNotEmpty();
            assertThat(dump.rowsByTable()).containsKeys("introduction", "matching_profile", "matching_exclusion");
            assertThat(dump.rowsByTable().get("introduction")).as("introductions were listed and are searched").isNotEmpty();
            for (Api.Registered member : kept) {
                assertThat(dump.tablesContaining(member.data().marker()).keySet())
                        .as("share recipients and purposes, hold and reveal reasons: nowhere in the clear, only the "
                                + "audience read models hold what they may (city, occupation, about me; the analysts' "
                                + "microdata the city, generalised only when queried)")
                        .isSubsetOf("matchmaker_member_card", "service_member_card", "analytics_member", "matching_profile");
            }
            assertThat(dump.tablesContaining(noteMarker)).as("an alert's resolution note is encrypted").isEmpty();
            assertThat(logs.linesContaining(noteMarker)).isEmpty();
            assertThat(dump.rowsByTable()).containsKeys("data_share", "legal_hold", "risk_alert", "audit_chain");
            assertThat(dump.rowsByTable().get("data_share")).as("shares were registered and are searched").isNotEmpty();
        }
    }

    /** Changes, preferences, a consent withdrawn and given again, an export. */
    private void liveALittle(Api.Registered member, int profileChanges) {
        var as = api().as(member.token());
        for (int i = 0; i < profileChanges; i++) {
            as.documentName("updateMyProfile").variable("input", Map.of(
                    "aboutMe", "Changed " + i + " by " + member.data().marker(),
                    "occupation", member.data().occupation() + "-" + i)).execute().path("updateMyProfile.memberId").hasValue();
        }
        as.documentName("updateMyPreferences").variable("input", Map.of(
                "cities", Map.of("accepted", List.of(member.data().city()), "required", true))).execute()
                .path("updateMyPreferences").hasValue();
        as.documentName("submitIdNumber").variable("idNumber", member.data().idNumber()).execute()
                .path("submitIdNumber.idVerified").entity(Boolean.class).isEqualTo(true);
        as.documentName("withdrawConsent").variable("purpose", "SENSITIVE_DATA").execute().path("withdrawConsent").hasValue();
        as.documentName("grantConsent").variable("purpose", "SENSITIVE_DATA").execute().path("grantConsent").hasValue();
        as.documentName("submitIdNumber").variable("idNumber", member.data().idNumber()).execute()
                .path("submitIdNumber.idVerified").entity(Boolean.class).isEqualTo(true);
        assertThat(api().export(member.token())).containsKey("history");
    }

    /** Staff open the member's card and reveal fields, with reasons that mention the member. */
    private void lookAsStaff(Api.Registered member, Staffing.StaffMember matchmaker, Staffing.StaffMember service) {
        for (Staffing.StaffMember staff : List.of(matchmaker, service)) {
            api().as(staff.token()).documentName("memberProfile").variable("memberId", member.memberId().toString())
                    .execute().path("memberProfile.memberId").hasValue();
            api().as(staff.token()).documentName("revealField").variable("memberId", member.memberId().toString())
                    .variable("field", "PHONE").variable("reason", "Calling " + member.data().marker() + " back").execute()
                    .path("revealField").entity(String.class).isEqualTo(member.data().storedPhone());
        }
    }

    /**
     * A third-party share with the member's marker in recipient and purpose, consented, approved and handed over; a
     * legal hold with the marker in its reason, placed and lifted; compliance reads the member's audit trail.
     */
    private void shareHoldAndAudit(Api.Registered member, Staffing.StaffMember service, Staffing.StaffMember compliance) {
        String marker = member.data().marker();
        api().as(member.token()).documentName("grantConsent").variable("purpose", "THIRD_PARTY_SHARING").execute()
                .path("grantConsent").hasValue();
        String shareId = api().as(service.token()).documentName("requestDataShare")
                .variable("memberId", member.memberId().toString()).variable("recipient", "Recipient of " + marker)
                .variable("purpose", "Purpose told by " + marker).variable("fields", List.of("PHONE", "CITY"))
                .variable("view", "CUSTOMER_SERVICE").execute().path("requestDataShare.shareId").entity(String.class).get();
        api().as(member.token()).documentName("respondToDataShare").variable("shareId", shareId).variable("consent", true)
                .execute().path("respondToDataShare.status").entity(String.class).isEqualTo("CONSENTED");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM data_share WHERE share_id = ?::uuid", Integer.class, shareId) == 1);
        api().as(compliance.token()).documentName("approveDataShare").variable("shareId", shareId).execute()
                .path("approveDataShare.status").entity(String.class).isEqualTo("APPROVED");
        api().as(service.token()).documentName("collectDataShare").variable("shareId", shareId).execute()
                .path("collectDataShare.recipient").entity(String.class).isEqualTo("Recipient of " + marker);
        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", member.memberId().toString())
                .variable("reason", "Hold asked by the court about " + marker).execute().path("placeLegalHold.memberId").hasValue();
        api().as(compliance.token()).documentName("releaseLegalHold").variable("memberId", member.memberId().toString())
                .execute().path("releaseLegalHold").entity(Boolean.class).isEqualTo(true);
        api().as(compliance.token()).documentName("auditTrail").variable("subjectId", member.memberId().toString()).execute()
                .path("auditTrail").entity(List.class).satisfies(trail -> assertThat(trail.toString())
                        .doesNotContain(member.data().email(), member.data().phone(), member.data().city()));
    }

    /**
     * The matchmaker introduces the two; both accept; a meeting, feedback from the first, each looks at the other's
     * contact; customer service writes a consultation note about the first and suspends the second for a while. Every
     * text carries the member's marker; they are kept per member they concern.
     */
    private void matchmake(Api.Registered first, Api.Registered second, Staffing.StaffMember matchmaker,
                           Staffing.StaffMember service, Map<UUID, List<String>> texts) {
        String marker = first.data().marker();
        String note = "Introduce " + marker + " to " + second.data().marker();
        String introduction = api().as(matchmaker.token()).documentName("proposeIntroduction")
                .variable("memberA", first.memberId().toString()).variable("memberB", second.memberId().toString())
                .variable("note", note).execute().path("proposeIntroduction.introductionId").entity(String.class).get();
        for (Api.Registered side : List.of(first, second)) {
            api().as(side.token()).documentName("respondToIntroduction").variable("introductionId", introduction)
                    .variable("accept", true).execute().path("respondToIntroduction.introductionId").hasValue();
        }
        String place = "Tea house near " + marker;
        api().as(matchmaker.token()).documentName("recordMeeting").variable("introductionId", introduction)
                .variable("meetingAt", "2026-12-01T10:00:00Z").variable("place", place).execute()
                .path("recordMeeting.introductionId").hasValue();
        String feedback = "Lovely evening with " + second.data().marker() + " says " + marker;
        api().as(first.token()).documentName("giveIntroductionFeedback").variable("introductionId", introduction)
                .variable("text", feedback).execute().path("giveIntroductionFeedback.introductionId").hasValue();
        api().as(first.token()).documentName("myIntroductionsWithContact").execute()
                .path("myIntroductions[*].partner.contact.phone").entityList(String.class)
                .satisfies(phones -> assertThat(phones).contains(second.data().storedPhone()));
        String consultation = "Called about " + marker;
        api().as(service.token()).documentName("addConsultationNote").variable("memberId", first.memberId().toString())
                .variable("text", consultation).execute().path("addConsultationNote.noteId").hasValue();
        String reason = "Complaint about " + second.data().marker();
        api().as(service.token()).documentName("suspendMember").variable("memberId", second.memberId().toString())
                .variable("reason", reason).execute().path("suspendMember").entity(Boolean.class).isEqualTo(true);
        api().as(service.token()).documentName("reinstateMember").variable("memberId", second.memberId().toString())
                .execute().path("reinstateMember").entity(Boolean.class).isEqualTo(true);
        for (Api.Registered side : List.of(first, second)) {
            texts.computeIfAbsent(side.memberId(), id -> new ArrayList<>()).addAll(List.of(note, place, feedback));
        }
        texts.computeIfAbsent(first.memberId(), id -> new ArrayList<>()).add(consultation);
        texts.computeIfAbsent(second.memberId(), id -> new ArrayList<>()).add(reason);
    }

    /** A staff account trips the failed-logins rule; compliance resolves the alert with a note carrying a marker. */
    private String resolveAnAlertWithANote(Staffing staffing, Staffing.StaffMember compliance) {
        Staffing.StaffMember careless = staffing.cleared(Role.ANALYST);
        for (int i = 0; i < 5; i++) {
            api().anonymous().documentName("login").variable("username", careless.username()).variable("password", "wrong")
                    .execute().errors().satisfy(errors -> assertThat(errors).hasSize(1));
        }
        String noteMarker = "note" + UUID.randomUUID().toString().substring(0, 8);
        List<String> alertIds = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            alertIds.clear();
            jdbc.queryForList("SELECT alert_id::text FROM risk_alert WHERE account_id = ?", String.class, careless.staffId())
                    .forEach(alertIds::add);
            return !alertIds.isEmpty();
        });
        api().as(compliance.token()).documentName("resolveAlert").variable("alertId", alertIds.get(0))
                .variable("decision", "REINSTATE").variable("note", "Spoke with them; " + noteMarker + " explains it").execute()
                .path("resolveAlert.note").entity(String.class).isEqualTo("Spoke with them; " + noteMarker + " explains it");
        return noteMarker;
    }

    /** Requests that fail, carrying personal values: none of it may reach an error, a log or a table. */
    private void makeMistakes(Api.Registered member) {
        TestMembers.Member data = member.data();
        Map<String, Object> duplicate = new HashMap<>(TestMembers.fresh().input());
        duplicate.put("email", data.email());
        duplicate.put("fullName", data.fullName());
        api().anonymous().documentName("registerMember").variable("input", duplicate).execute()
                .errors().satisfy(errors -> assertThat(errors.toString()).doesNotContain(data.marker(), data.email()));
        Map<String, Object> invalid = new HashMap<>(data.input());
        invalid.put("phone", "not a phone " + data.marker());
        invalid.put("birthDate", "born " + data.marker());
        api().anonymous().documentName("registerMember").variable("input", invalid).execute()
                .errors().satisfy(errors -> assertThat(errors.toString()).doesNotContain(data.marker()));
        api().anonymous().documentName("login").variable("username", data.email()).variable("password", "wrong " + data.marker())
                .execute().errors().satisfy(errors -> assertThat(errors.toString()).doesNotContain(data.marker()));
        api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("phone", data.marker()))
                .execute().errors().satisfy(errors -> assertThat(errors.toString()).doesNotContain(data.marker()));
    }

    /**
     * Tries every key still in the database (each unwrapped with the KEK, as an insider with the KEK could) on every
     * ciphertext of the erased member, with the associated data each was sealed with: all must fail.
     */
    private void assertNothingLeftCanDecrypt(UUID subject) throws Exception {
        List<Sealed> sealed = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        jdbc.query("SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = ?", rs -> {
            try {
                Class<?> type = Class.forName(rs.getString(1));
                JsonNode payload = json.readTree(rs.getBytes(2));
                ClassPlan plan = PersonalDataCatalog.describe(type);
                // pd2: one sealed value per subject and key group, in the reserved "@pd" property.
                JsonNode envelope = payload.path("@pd");
                String messageId = envelope.path("m").isTextual() ? envelope.path("m").textValue() : "";
                for (JsonNode item : envelope.path("s")) {
                    String[] parts = item.textValue().split(":", 4);
                    if (parts[0].equals(subject.toString())) {
                        byte[] ad = ("pd2|" + plan.bindingType() + "|" + parts[0] + "|" + parts[1] + "|" + parts[2] + "|"
                                + messageId).getBytes(StandardCharsets.UTF_8);
                        sealed.add(new Sealed(Base64.getDecoder().decode(parts[3]), ad));
                    }
                }
                // pd1, as stored before pd2: one ciphertext per property, in its place.
                for (FieldPlan field : plan.personalFields()) {
                    JsonNode value = payload.at("/" + String.join("/", field.path()));
                    if (value.isTextual() && value.textValue().startsWith("pd1:")) {
                        String[] parts = value.textValue().split(":", 4);
                        byte[] ad = ("pd1|" + subject + "|" + field.binding() + "|" + parts[1]).getBytes(StandardCharsets.UTF_8);
                        sealed.add(new Sealed(Base64.getDecoder().decode(parts[3]), ad));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, subject.toString());
        assertThat(sealed).as("the erased member's ciphertexts are still in the log").hasSizeGreaterThan(3);

        Aead kek = LocalFileKekProvider.open(kekFile, false).kek();
        List<Aead> remainingKeys = new ArrayList<>();
        jdbc.query("SELECT subject_id, key_group, wrapped_keyset FROM subject_key WHERE wrapped_keyset IS NOT NULL", rs -> {
            try {
                byte[] context = ("subject-keyset|" + rs.getString(1) + "|" + rs.getString(2)).getBytes(StandardCharsets.UTF_8);
                KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(rs.getBytes(3), kek, context);
                remainingKeys.add(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(remainingKeys).as("other members' keys remain and are tried").isNotEmpty();
        for (Sealed s : sealed) {
            for (Aead key : remainingKeys) {
                assertThat(tryDecrypt(key, s)).isFalse();
            }
        }
    }

    private record Sealed(byte[] ciphertext, byte[] associatedData) {
    }

    private static boolean tryDecrypt(Aead key, Sealed sealed) {
        try {
            key.decrypt(sealed.ciphertext(), sealed.associatedData());
            return true;
        } catch (java.security.GeneralSecurityException expected) {
            return false;
        }
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
