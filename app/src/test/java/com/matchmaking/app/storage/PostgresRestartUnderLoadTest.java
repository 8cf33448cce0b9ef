package com.matchmaking.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.Processors;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault suite: the node's PostgreSQL (a throwaway one the test owns, on loopback) stopped and started again while two
 * clients keep writing (profile updates of two members). Answers during the outage are
 * clear errors without internals; the node serves again by itself within 60 s of the database's return; every command
 * answered with success is in the event log exactly once and, once the processors have caught up, in the read models
 * (each member's count of applied events in customer service's card).
 */
@Tag("fault")
@RunsBesideTheSuite
class PostgresRestartUnderLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INTERNALS = List.of("Exception", "SQL", "jdbc", "JDBC", "postgres", "Hikari",
            "\tat ", "java.", "org.", "com.matchmaking");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRestartedDatabaseLosesNothingAcknowledgedAndTheNodeRecoversByItself() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-restart");
        Path pgData = work.resolve("postgres");
        int pgPort = freePort();
        EmbeddedPostgres postgres = start(pgData, pgPort);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MatchmakingApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--matchmaking.data-dir=" + work, "--matchmaking.keys.kek-file=" + work.resolve("kek.json"), "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.smtpPort())) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api api = new Api(port);
            Api.Registered first = api.register(TestMembers.fresh());
            Api.Registered second = api.register(TestMembers.fresh());
            String memberId = first.memberId().toString();
            String token = first.token();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger updates = new AtomicInteger();
            AtomicInteger updatesUnknown = new AtomicInteger();
            List<String> registered = new CopyOnWriteArrayList<>();
            AtomicInteger secondUnknown = new AtomicInteger();
            List<String> errors = new CopyOnWriteArrayList<>();
            AtomicInteger lastSuccessAfterOutage = new AtomicInteger();
            AtomicBoolean outageOver = new AtomicBoolean();
            long[] recoveredAt = {0};
            Future<?> updater = clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String body = request(port, "mutation($a: String) { updateMyProfile(input: { aboutMe: $a }) { __typename } }",
                            Map.of("a", "update " + i), token, errors);
                    if (body != null && !body.contains("\"errors\"")) {
                        updates.incrementAndGet();
                        if (outageOver.get() && recoveredAt[0] == 0) {
                            recoveredAt[0] = System.nanoTime();
                        }
                    } else if (body == null || body.contains("may have been applied")) {
                        updatesUnknown.incrementAndGet();
                    }
                    pause();
                }
                return null;
            });
            Future<?> registrar = clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String body = request(port, "mutation($h: Int) { updateMyProfile(input: { heightCm: $h }) { __typename } }",
                            Map.of("h", 150 + i % 50), second.token(), errors);
                    if (body != null && !body.contains("\"errors\"")) {
                        registered.add("update " + i);
                        if (outageOver.get()) {
                            lastSuccessAfterOutage.incrementAndGet();
                        }
                    } else if (body == null || body.contains("may have been applied")) {
                        secondUnknown.incrementAndGet();
                    }
                    pause();
                }
                return null;
            });

            long loaded = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((updates.get() < 5 || registered.size() < 5) && System.nanoTime() < loaded) {
                Thread.sleep(100);
            }
            int beforeOutage = updates.get();
            postgres.close();
            Thread.sleep(5000);
            int duringOutage = updates.get() - beforeOutage;
            postgres = start(pgData, pgPort);
            long back = System.nanoTime();
            outageOver.set(true);
            long deadline = back + Duration.ofSeconds(60).toNanos();
            while ((recoveredAt[0] == 0 || lastSuccessAfterOutage.get() < 2) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            running.set(false);
            updater.get(60, TimeUnit.SECONDS);
            registrar.get(60, TimeUnit.SECONDS);

            assertThat(recoveredAt[0]).as("the node serves writes again within 60 s of the database's return")
                    .isNotZero();
            System.out.printf("PostgreSQL restart: %d updates before, %d during the 5 s outage, writes again %d ms after "
                    + "the database came back; %d updates, %d unknown, %d updates of the other member answered with success%n",
                    beforeOutage, duringOutage, Duration.ofNanos(recoveredAt[0] - back).toMillis(), updates.get(),
                    updatesUnknown.get(), registered.size());
            assertThat(beforeOutage).as("the load was running before the outage").isPositive();
            assertThat(errors).as("the outage was felt").isNotEmpty();
            Set<String> distinct = new TreeSet<>();
            for (String error : errors) {
                for (String internal : INTERNALS) {
                    assertThat(error).as("an answer during the outage shows no internals").doesNotContain(internal);
                }
                distinct.add(error.replaceAll("\"(path|locations)\":[^]]*]", ""));
            }
            System.out.println("answers during the outage: " + distinct);

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Integer stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type LIKE '%ProfileUpdated'", Integer.class, memberId);
            assertThat(stored).as("every update answered with success is stored once, those in doubt at most once")
                    .isBetween(updates.get(), updates.get() + updatesUnknown.get());
            Integer storedSecond = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE "
                    + "aggregate_identifier = ? AND payload_type LIKE '%ProfileUpdated'", Integer.class,
                    second.memberId().toString());
            assertThat(storedSecond).as("the other member's updates too")
                    .isBetween(registered.size(), registered.size() + secondUnknown.get());
            new Processors(app.getBean(EventProcessingConfiguration.class), app.getBean(EventStore.class))
                    .awaitCaughtUp(Duration.ofSeconds(60));
            Integer events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, memberId);
            assertThat(jdbc.queryForObject("SELECT events_applied FROM service_member_card WHERE member_id = ?::uuid",
                    Integer.class, memberId)).as("the read model applied each of the member's events once").isEqualTo(events);
            Integer eventsSecond = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE "
                    + "aggregate_identifier = ?", Integer.class, second.memberId().toString());
            assertThat(jdbc.queryForObject("SELECT events_applied FROM service_member_card WHERE member_id = ?::uuid",
                    Integer.class, second.memberId().toString())).as("and the other's").isEqualTo(eventsSecond);
        } finally {
            clients.shutdownNow();
            postgres.close();
        }
    }

    /** The answer's body, or null when the request got no answer; error answers are kept for inspection. */
    private String request(int port, String document, Map<String, Object> variables, String token, List<String> errors) {
        try {
            HttpResponse<String> response = send(port, document, variables, token);
            if (response.body().contains("\"errors\"") || response.statusCode() != 200) {
                errors.add(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException noAnswer) {
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private HttpResponse<String> send(int port, String document, Map<String, Object> variables, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document,
                        "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
