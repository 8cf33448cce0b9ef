package com.matchmaking.app.erasure;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure survives a database restore. The erasure ledger (subject ids and times) is kept in a file outside the
 * database; on start the application erases again every subject whose keys have come back, and the receipt says so.
 * The application is started and stopped by hand here, on databases and a data folder the test controls.
 *
 * <p>One deployment serves all three cases, since each start costs seconds: a first run in which one member is erased,
 * one withdraws consent to sensitive data and one only registers; a backup of the database taken after it; the erased
 * keys put back into the live database, as a restore of an older backup would; a second run on the live database; and
 * last a run on the backup, after the third member has been erased in the second run.
 */
@RunsBesideTheSuite
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureLedgerTest {

    private TestPostgres.Database live;
    private Map<String, Object> settings;
    private String backup;
    private ConfigurableApplicationContext second;

    private TestMembers.Member erasedData;
    private UUID erased;
    private TestMembers.Member withdrawnData;
    private UUID withdrew;
    private Object sensitiveGeneration;
    private TestMembers.Member laterErasedData;
    private UUID laterErased;
    private String ledgerAfterFirstRun;

    @BeforeAll
    void firstRunThenBackupThenKeysPutBackThenSecondRun() throws Exception {
        live = TestPostgres.createDatabase("ledger");
        settings = TestApplications.properties(live);
        List<Map<String, Object>> erasedKeys;
        Map<String, Object> sensitiveKey;
        try (ConfigurableApplicationContext first = start(settings)) {
            Api api = api(first);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

            erasedData = TestMembers.fresh();
            Api.Registered member = api.register(erasedData);
            erased = member.memberId();
            erasedKeys = jdbc.queryForList("SELECT * FROM subject_key WHERE subject_id = ?", erased);
            assertThat(erasedKeys).as("a copy of the member's key rows, as a backup would hold them").hasSizeGreaterThanOrEqualTo(3);
            api.as(member.token()).documentName("requestErasure").execute().path("requestErasure.state")
                    .entity(String.class).isEqualTo("ERASED");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject_id = ?", Integer.class, erased)).isZero();

            withdrawnData = TestMembers.fresh();
            Api.Registered withdrawing = api.register(withdrawnData);
            withdrew = withdrawing.memberId();
            sensitiveKey = jdbc.queryForMap("SELECT * FROM subject_key WHERE subject_id = ? AND key_group = 'sensitive' "
                    + "AND wrapped_keyset IS NOT NULL", withdrew);
            sensitiveGeneration = sensitiveKey.get("generation");
            api.as(withdrawing.token()).documentName("withdrawConsent").variable("purpose", "SENSITIVE_DATA").execute()
                    .path("withdrawConsent").hasValue();

            laterErasedData = TestMembers.fresh();
            laterErased = api.register(laterErasedData).memberId();
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class, laterErased) == 1);
            ledgerAfterFirstRun = Files.readString(ledgerFile(first), StandardCharsets.UTF_8);
        }
        backup = copyOf(live);

        // The key rows as an older backup holds them, put back into the live database.
        JdbcTemplate restore = new JdbcTemplate(live.dataSource());
        for (Map<String, Object> row : erasedKeys) {
            restore.update("INSERT INTO subject_key (subject_id, key_group, generation, wrapped_keyset, created_at, destroyed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", row.get("subject_id"), row.get("key_group"), row.get("generation"),
                    row.get("wrapped_keyset"), row.get("created_at"), row.get("destroyed_at"));
        }
        assertThat(restore.queryForObject("SELECT count(*) FROM subject_key WHERE subject_id = ?", Integer.class, erased))
                .as("the old key rows are back").isEqualTo(erasedKeys.size());
        assertThat(restore.update("UPDATE subject_key SET wrapped_keyset = ?, destroyed_at = NULL WHERE subject_id = ? "
                + "AND key_group = 'sensitive' AND generation = ?", sensitiveKey.get("wrapped_keyset"), withdrew,
                sensitiveGeneration)).isOne();

        second = start(settings);
    }

    @AfterAll
    void stop() throws SQLException {
        if (second != null) {
            second.close();
        }
        if (backup != null) {
            drop(live, backup);
        }
    }

    @Test
    @Order(1)
    void keyRowsPutBackAfterAnErasureAreDestroyedAgainOnTheNextStart() {
        assertThat(ledgerAfterFirstRun).as("the ledger outside the database has the erasure")
                .contains("\"subject\":\"" + erased + "\"").doesNotContain(erasedData.marker(), erasedData.email());
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject_id = ?", Integer.class, erased))
                .as("the key is gone again before the application takes requests").isZero();
        Map<String, Object> receipt = receipt(api(second), erased);
        assertThat(receipt).containsEntry("memberId", erased.toString()).containsEntry("cause", "MEMBER_REQUEST")
                .containsEntry("reapplications", 1);
        assertThat(receipt.get("reappliedAt")).as("the receipt says the erasure was re-applied").isNotNull();
    }

    /**
     * Withdrawing consent to sensitive data destroys one key group; the ledger records subject, group and generation,
     * and a database that has the key back (a restore) has it destroyed again on the next start.
     */
    @Test
    @Order(2)
    void aKeyGroupDestroyedByAWithdrawnConsentIsDestroyedAgainWhenTheDatabaseHasItBack() {
        assertThat(ledgerAfterFirstRun).as("the ledger has the destroyed group")
                .contains("{\"subject\":\"" + withdrew + "\",\"group\":\"sensitive\",\"generation\":"
                        + sensitiveGeneration + ",")
                .doesNotContain(withdrawnData.marker(), withdrawnData.email());
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject_id = ? AND key_group = 'sensitive' "
                + "AND wrapped_keyset IS NOT NULL", Integer.class, withdrew)).as("destroyed again on start").isZero();
        Api api = api(second);
        String token = api.login(withdrawnData.email(), withdrawnData.password());
        api.as(token).documentName("me").execute().path("me.incomeBand").valueIsNull()
                .path("me.fullName").entity(String.class).isEqualTo(withdrawnData.fullName());
    }

    @Test
    @Order(3)
    void aDatabaseRestoredFromABackupOlderThanTheErasureHasTheMemberErasedAgainOnStart() {
        Api api = api(second);
        String token = api.login(laterErasedData.email(), laterErasedData.password());
        api.as(token).documentName("requestErasure").execute().path("requestErasure.state").entity(String.class)
                .isEqualTo("ERASED");
        second.close();

        Map<String, Object> restored = new java.util.LinkedHashMap<>(settings);
        restored.put("spring.datasource.url", urlOf(live, backup));
        try (ConfigurableApplicationContext afterRestore = start(restored)) {
            JdbcTemplate jdbc = afterRestore.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject_id = ?", Integer.class, laterErased))
                    .as("the restored keys are destroyed again").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM erasure_fence WHERE subject_id = ?", Integer.class, laterErased))
                    .isOne();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE account_id = ?", Integer.class, laterErased))
                    .as("the restored login is gone").isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class, laterErased) == 0);
            Map<String, Object> receipt = receipt(api(afterRestore), laterErased);
            assertThat(receipt).containsEntry("cause", "ERASURE_LEDGER").containsEntry("reapplications", 1)
                    .containsEntry("loginRemoved", true);
            assertThat(receipt.get("reappliedAt")).isNotNull();
            api(afterRestore).anonymous().documentName("login").variable("username", laterErasedData.email())
                    .variable("password", laterErasedData.password()).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static Path ledgerFile(ConfigurableApplicationContext context) {
        return context.getBean(com.matchmaking.app.MatchmakingProperties.class).erasureLedgerFile().toAbsolutePath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> receipt(Api api, UUID memberId) {
        Staffing.StaffMember compliance = new Staffing(api).cleared(Role.COMPLIANCE);
        return api.as(compliance.token()).documentName("erasureReceipt").variable("memberId", memberId.toString()).execute()
                .path("erasureReceipt").entity(Map.class).get();
    }

    /** A backup: a copy of the database as it is now, made by PostgreSQL from it as a template. */
    private static String copyOf(TestPostgres.Database database) throws Exception {
        String copy = (database.name() + "_backup").toLowerCase(Locale.ROOT);
        for (int attempt = 0; ; attempt++) {
            try (Connection admin = admin(database); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + copy + " TEMPLATE " + database.name());
                return copy;
            } catch (SQLException stillInUse) {
                if (attempt >= 20) {
                    throw stillInUse;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void drop(TestPostgres.Database database, String name) throws SQLException {
        try (Connection admin = admin(database); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin(TestPostgres.Database database) throws SQLException {
        return DriverManager.getConnection(urlOf(database, "postgres"), database.username(), database.password());
    }

    private static String urlOf(TestPostgres.Database database, String name) {
        return database.url().substring(0, database.url().lastIndexOf('/') + 1) + name;
    }
}
