package com.matchmaking.app.secrets;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.DatabaseDump;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.LogCapture;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault suite: the key store unreachable (the table of wrapped keys gone from under the running node, and the node's
 * key cache emptied with it, so every request needs the table). Writes are refused with a clear error and store
 * nothing; reads answer an error, never a placeholder or an empty value; no value put in during the outage is anywhere
 * in plaintext (every table, the log). Once the table is back, the node reads and writes again. Not in the suite's
 * shared application: every request of every test would fail meanwhile.
 */
@Tag("fault")
@Order(5)
class KeyStoreOutageTest extends IsolatedIntegrationTest {

    private static final List<String> INTERNALS = List.of("Exception", "SQL", "jdbc", "subject_key", "relation",
            "\tat ", "java.", "org.", "com.matchmaking", "Tink", "keyset");

    @Autowired
    SubjectKeyVault vault;

    @Test
    void withTheKeyStoreUnreachableWritesAreRefusedReadsAreErrorsAndNothingIsWrittenInPlaintext() {
        Api.Registered member = api().register(TestMembers.fresh());
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        staffing.assign(member.memberId(), matchmaker.staffId());
        // The matchmaker's card of the member is a read model: wait until the assignment shows there, so that the read
        // below fails on the keys and not on a card that is not there yet.
        await().atMost(Duration.ofSeconds(30)).until(() -> api().as(matchmaker.token()).documentName("memberProfile")
                .variable("memberId", member.memberId().toString()).execute().returnResponse().getErrors().isEmpty());
        TestMembers.Member newcomer = TestMembers.fresh();
        String typedDuringOutage = "outage-" + TestMembers.fresh().marker();
        List<String> putIn = new ArrayList<>(newcomer.secrets());
        putIn.add(typedDuringOutage);

        int events = eventCount();
        List<String> answers = new ArrayList<>();
        try (LogCapture log = LogCapture.attach()) {
            jdbc.execute("ALTER TABLE subject_key RENAME TO subject_key_unreachable");
            vault.evictAll();
            try {
                GraphQlTester.Response update = api().as(member.token()).documentName("updateMyProfile")
                        .variable("input", Map.of("aboutMe", typedDuringOutage)).execute();
                answers.add(refused(update));
                GraphQlTester.Response registration = api().anonymous().documentName("registerMember")
                        .variable("input", newcomer.input()).execute();
                answers.add(refused(registration));
                answers.add(refused(api().as(member.token()).documentName("me").execute()));
                answers.add(refused(api().as(matchmaker.token()).documentName("memberProfile")
                        .variable("memberId", member.memberId().toString()).execute()));
                assertThat(eventCount()).as("no write went through").isEqualTo(events);
            } finally {
                jdbc.execute("ALTER TABLE subject_key_unreachable RENAME TO subject_key");
            }
            System.out.println("answers with the key store unreachable: " + answers);
            for (String answer : answers) {
                assertThat(answer).as("no internals").doesNotContain(INTERNALS).doesNotContain("[erased]")
                        .as("says what is wrong").contains("cannot reach the keys of personal data");
            }
            DatabaseDump dump = DatabaseDump.of(jdbc);
            for (String value : putIn) {
                assertThat(dump.tablesContaining(value)).as("stored in plaintext").isEmpty();
                assertThat(log.linesContaining(value)).as("logged in plaintext").isEmpty();
            }
        }

        api().as(member.token()).documentName("me").execute().path("me.fullName").entity(String.class)
                .isEqualTo(member.data().fullName());
        api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("aboutMe", "back again"))
                .execute().path("updateMyProfile.aboutMe").entity(String.class).isEqualTo("back again");
    }

    /** The error of a refused request, with its classification; fails when it answered data instead. */
    private static String refused(GraphQlTester.Response response) {
        List<String> texts = new ArrayList<>();
        // The data goes into the failure's description only: it names which answer went through, and it is made-up.
        String answered = String.valueOf((Object) response.returnResponse().getData());
        response.errors().satisfy(errors -> {
            assertThat(errors).as("refused with an error, but answered %s", answered).isNotEmpty();
            errors.forEach(e -> texts.add(e.getExtensions().get("classification") + ": " + e.getMessage()));
        });
        assertThat(answered).as("no data, no placeholder").doesNotContain("[erased]", "fullName=", "aboutMe=");
        return String.join("; ", texts);
    }
}
