package com.matchmaking.app.nodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.testing.TestPostgres;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault suite, first check: a node started as a separate process is killed with {@code kill -9} under a steady stream
 * of commands, and a new node started on the same database (loopback only) shows every command that was answered
 * with success in the log exactly once; of the one command in flight at the kill, the client knows nothing, and the
 * log holds it at most once. The new node runs inside the test JVM: what is shown is what it finds after the kill, and
 * a second cold JVM would cost the suite a start three times as long.
 */
@Tag("fault")
@RunsBesideTheSuite
class KillNineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyCommandAnsweredWithSuccessBeforeAKillIsInTheLogExactlyOnce() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("kill");
        int port = freePort();
        Process node = startNode(database, port);
        ConfigurableApplicationContext restarted = null;
        try {
            awaitServing(port, node);
            TestMembers.Member member = TestMembers.fresh();
            post(port, "mutation($input: RegisterMemberInput!) { registerMember(input: $input) { memberId } }",
                    Map.of("input", member.input()), null);
            // The node mails the confirmation code to the test JVM's SMTP server (TestApplications, TestMail).
            Map<?, ?> confirmed = (Map<?, ?>) data(post(port, "mutation($e: String!, $c: String!) { confirmEmail(email: $e, "
                    + "code: $c) { token } }", Map.of("e", member.email(), "c", TestMail.code(member.email(), 1)), null))
                    .get("confirmEmail");
            String token = (String) confirmed.get("token");
            assertThat(token).isNotNull();

            List<Integer> succeeded = new ArrayList<>();
            int unknown = 0;
            long killAt = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            for (int i = 0; ; i++) {
                if (System.nanoTime() > killAt) {
                    node.destroyForcibly();   // SIGKILL
                    node.waitFor();
                    break;
                }
                try {
                    Map<?, ?> answer = post(port, "mutation($a: String) { updateMyProfile(input: { aboutMe: $a }) { __typename } }",
                            Map.of("a", "update " + i), token);
                    if (answer.get("errors") == null) {
                        succeeded.add(i);
                    }
                } catch (IOException inFlight) {
                    unknown++;
                }
            }
            assertThat(succeeded).as("commands went through before the kill").isNotEmpty();
            System.out.printf("kill -9 after %d commands answered with success, %d in flight%n", succeeded.size(), unknown);

            restarted = new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test")
                    .run(TestApplications.arguments(database, "--server.port=" + port, "--server.address=127.0.0.1"));
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            String memberId = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry "
                    + "WHERE payload_type LIKE '%MemberRegistered' LIMIT 1", String.class);
            Integer stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type LIKE '%ProfileUpdated'", Integer.class, memberId);
            assertThat(stored).as("every success stored once, the command in flight at most once")
                    .isBetween(succeeded.size(), succeeded.size() + Math.max(1, unknown));
            Map<?, ?> me = data(post(port, "{ me { aboutMe } }", Map.of(), token));
            String about = (String) ((Map<?, ?>) me.get("me")).get("aboutMe");
            int last = succeeded.get(succeeded.size() - 1);
            assertThat(about).as("the member's state after the restart is the last success or the one in flight")
                    .isIn("update " + last, "update " + (last + 1));
        } finally {
            node.destroyForcibly().waitFor();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static Process startNode(TestPostgres.Database database, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A node that lives for seconds: the quick compiler alone starts it in about two thirds of the time.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), MatchmakingApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + port, "--server.address=127.0.0.1",
                "--management.server.port=0", "--logging.level.com.matchmaking=INFO"));
        command.addAll(List.of(TestApplications.arguments(database)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "kill-nine-" + port + "-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private void awaitServing(int port, Process node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(node.isAlive()).as("the node is still starting").isTrue();
            try {
                if (post(port, "{ __typename }", Map.of(), null).get("data") != null) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("The node did not serve within 4 minutes");
    }

    private Map<?, ?> post(int port, String document, Map<String, Object> variables, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), Map.class);
    }

    private static Map<?, ?> data(Map<?, ?> answer) {
        assertThat(answer.get("errors")).as(String.valueOf(answer)).isNull();
        return (Map<?, ?>) answer.get("data");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
