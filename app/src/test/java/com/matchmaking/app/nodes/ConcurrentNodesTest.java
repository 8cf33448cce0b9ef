package com.matchmaking.app.nodes;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (application contexts with data folders of their own and the shared KEK) on one database, as an agency
 * running several would: the same member updated from both at once loses no update and never gets
 * {@code INTERNAL_ERROR} (conflicts on the member are retried, and what is left is a clear {@code CONFLICT}); a
 * connection lost while a mutation commits is answered with "may have been applied".
 */
@RunsBesideTheSuite
class ConcurrentNodesTest {

    private static TestPostgres.Database database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoNodes() throws Exception {
        database = TestPostgres.createDatabase("nodes");
        first = start(Map.of());
        Path secondData = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "node-b");
        second = start(Map.of("matchmaking.data-dir", secondData.toString()));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void theSameMemberUpdatedFromTwoNodesAtOnceLosesNothingAndIsNeverAnInternalError() throws Exception {
        Api.Registered member = api(first).register(TestMembers.fresh());
        int writersPerNode = 2;
        int updatesPerWriter = 10;
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        java.util.Set<String> conflictMessages = ConcurrentHashMap.newKeySet();
        Map<String, Integer> otherErrors = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(2 * writersPerNode);
        List<Future<?>> done = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(first, second)) {
            GraphQlTester client = api(node).as(member.token());
            for (int w = 0; w < writersPerNode; w++) {
                String writer = (node == first ? "a" : "b") + w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < updatesPerWriter; i++) {
                        GraphQlTester.Response response = client
                                .document("mutation($about: String) { updateMyProfile(input: { aboutMe: $about }) { __typename } }")
                                .variable("about", "update " + writer + "-" + i).execute();
                        List<String> classifications = response.returnResponse().getErrors().stream()
                                .map(e -> String.valueOf(e.getExtensions().get("classification"))).toList();
                        if (classifications.isEmpty()) {
                            succeeded.incrementAndGet();
                        } else if (classifications.equals(List.of("CONFLICT"))) {
                            conflicts.incrementAndGet();
                            conflictMessages.add(response.returnResponse().getErrors().get(0).getMessage());
                        } else {
                            response.returnResponse().getErrors().forEach(e -> otherErrors.merge(
                                    e.getExtensions().get("classification") + ": " + e.getMessage(), 1, Integer::sum));
                        }
                    }
                }));
            }
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        writers.shutdown();

        int attempts = 2 * writersPerNode * updatesPerWriter;
        assertThat(otherErrors).as("no INTERNAL_ERROR or anything but CONFLICT").isEmpty();
        assertThat(succeeded.get() + conflicts.get()).isEqualTo(attempts);
        assertThat(conflicts.get()).as(conflictMessages + " conflicts are retried: few are left for the client (were about 30%%)")
                .isLessThanOrEqualTo(attempts / 20);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        Integer stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%ProfileUpdated'", Integer.class, member.memberId().toString());
        assertThat(stored).as("every update answered with success is in the log exactly once, no other").isEqualTo(succeeded.get());
    }

    @Test
    void aConnectionLostWhileAMutationCommitsIsAnsweredAsMaybeApplied() {
        Api.Registered member = api(first).register(TestMembers.fresh());
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        // The member's next event kills its own database session at commit, after the statement went through.
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_die_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    RETURN NULL;
                END $$""");
        jdbc.execute("CREATE CONSTRAINT TRIGGER test_die_at_commit AFTER INSERT ON domain_event_entry "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.aggregate_identifier = '" + member.memberId()
                + "') EXECUTE FUNCTION test_die_at_commit()");
        try {
            GraphQlTester.Response response = api(first).as(member.token())
                    .document("mutation { updateMyProfile(input: { aboutMe: \"lost at commit\" }) { __typename } }")
                    .execute();
            response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).isEqualTo(Map.of("classification", "INTERNAL_ERROR"));
                assertThat(error.getMessage()).contains("may have been applied")
                        .doesNotContain("Exception", "SQL", "terminat", "lost at commit");
            }));
        } finally {
            jdbc.execute("DROP TRIGGER test_die_at_commit ON domain_event_entry");
        }
        api(first).as(member.token())
                .document("mutation { updateMyProfile(input: { aboutMe: \"after\" }) { __typename } }")
                .execute().errors().verify();
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    private static ConfigurableApplicationContext start(Map<String, String> overrides) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(TestApplications.properties(database));
        settings.putAll(overrides);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
    }
}
