package com.matchmaking.app.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A realistic mix of member and staff work against two application nodes on one database (see {@link LoadCluster}),
 * every request GraphQL over HTTP with a bearer token, each virtual user on the next node in turn. Open model: each
 * scenario starts its sessions at a fixed rate for {@code load.duration} seconds, then the run ends by itself
 * (bounded besides by {@code maxDuration}). Every answer must be 200 without GraphQL errors; more than 1% failed
 * requests fails the run.
 *
 * <p>System properties: {@code load.duration} (seconds, 60), {@code load.scale} (multiplies every rate, 1),
 * {@code load.members} (seeded members, 40), {@code load.workDir}, {@code load.appJar} (set by the Maven profile).
 */
public class MatchmakingLoadSimulation extends Simulation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CITIES = {"Shanghai", "Beijing", "Hangzhou", "Shenzhen"};

    private final int duration = Integer.getInteger("load.duration", 60);
    private final double scale = Double.parseDouble(System.getProperty("load.scale", "1"));
    private final LoadCluster cluster;

    {
        cluster = new LoadCluster(Path.of(System.getProperty("load.workDir", "target/load")),
                Path.of(System.getProperty("load.appJar")));
        cluster.seed(Integer.getInteger("load.members", 40), 20261202L);

        HttpProtocolBuilder protocol = http.baseUrls(cluster.baseUrls)
                .contentTypeHeader("application/json").acceptHeader("application/json")
                .shareConnections();

        ScenarioBuilder member = scenario("member").feed(feeder(this::aMember))
                .doIf(chance(25)).then(graphql("login", "login", s -> Map.of("username", s.getString("email"),
                        "password", s.getString("password")), false)) // its token replaces the seeded one
                .exec(graphql("me", "me", s -> Map.of(), true))
                .pause(Duration.ofMillis(100), Duration.ofMillis(500))
                .exec(graphql("myRecommendations", "myRecommendations", s -> Map.of("first", 20), true))
                .doIf(chance(30)).then(graphql("updateMyProfile", "updateMyProfile", s -> Map.of("input", Map.of(
                        "occupation", "Engineer " + ThreadLocalRandom.current().nextInt(1000),
                        "aboutMe", "Likes tea, walks and " + ThreadLocalRandom.current().nextInt(1000) + " books")),
                        true))
                .doIf(chance(10)).then(graphql("updateMyPreferences", "updateMyPreferences", s -> Map.of("input",
                        Map.of("ageYears", Map.of("min", 25 + ThreadLocalRandom.current().nextInt(5), "max", 50,
                                        "required", false, "weight", 5),
                                "cities", Map.of("accepted", List.of(CITIES[ThreadLocalRandom.current().nextInt(4)]),
                                        "required", false, "weight", 3))), true))
                .pause(Duration.ofMillis(100), Duration.ofMillis(500))
                .exec(graphql("myIntroductions", "myIntroductions", s -> Map.of(), true))
                .doIf(chance(20)).then(graphql("myAccessLog", "myAccessLog", s -> Map.of(), true))
                .doIf(chance(5)).then(graphql("myDataExport", "myDataExport", s -> Map.of(), true));

        ScenarioBuilder matchmaker = scenario("matchmaker").feed(feeder(this::aMatchmakersMember))
                .exec(graphql("memberCards", "memberCards", s -> Map.of("first", 20), true))
                .pause(Duration.ofMillis(100), Duration.ofMillis(500))
                .exec(graphql("memberProfile", "memberProfile", s -> Map.of("memberId", s.getString("memberId")), true))
                .exec(graphql("candidates", "candidates", s -> Map.of("memberId", s.getString("memberId"),
                        "first", 20), true))
                .doIf(chance(10)).then(graphql("revealField", "revealField", s -> Map.of(
                        "memberId", s.getString("memberId"), "field", "PHONE",
                        "reason", "Calling the member about a proposed introduction"), true));

        ScenarioBuilder service = scenario("customer service").feed(feeder(this::aServiceCase))
                .exec(graphql("memberCards (service)", "memberCards", s -> Map.of("first", 20,
                        "view", "CUSTOMER_SERVICE"), true))
                .pause(Duration.ofMillis(100), Duration.ofMillis(500))
                .exec(graphql("memberProfile (service)", "memberProfile", s -> Map.of(
                        "memberId", s.getString("memberId"), "view", "CUSTOMER_SERVICE"), true))
                .exec(graphql("consultationNotes", "consultationNotes", s -> Map.of(
                        "memberId", s.getString("memberId")), true));

        ScenarioBuilder complianceOfficer = scenario("compliance").feed(feeder(this::aComplianceOfficer))
                .exec(graphql("alerts", "alerts", s -> Map.of(), true))
                .doIf(chance(25)).then(graphql("verifyAuditChain", "verifyAuditChain", s -> Map.of(), true));

        Duration during = Duration.ofSeconds(duration);
        setUp(
                member.injectOpen(constantUsersPerSec(4 * scale).during(during)),
                matchmaker.injectOpen(constantUsersPerSec(1.5 * scale).during(during)),
                service.injectOpen(constantUsersPerSec(0.5 * scale).during(during)),
                complianceOfficer.injectOpen(constantUsersPerSec(0.25 * scale).during(during)))
                .protocols(protocol)
                .maxDuration(during.plusSeconds(60))
                .assertions(global().failedRequests().percent().lt(1.0),
                        details("verifyAuditChain").failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        cluster.close();
    }

    /**
     * One GraphQL request: a document from app/src/test/resources/graphql-test with variables made per session,
     * with the session's bearer token when {@code authenticated}. A login saves the token it gets.
     */
    private static ChainBuilder graphql(String name, String document, Function<Session, Map<String, Object>> variables,
                                        boolean authenticated) {
        String query = LoadCluster.document(document);
        var request = http(name).post("/graphql")
                .body(StringBody(session -> body(query, variables.apply(session))))
                .check(status().is(200), jsonPath("$.errors").notExists());
        if (authenticated) {
            request = request.header("Authorization", session -> "Bearer " + session.getString("token"));
        }
        if (document.equals("login")) {
            request = request.check(jsonPath("$.data.login.token").saveAs("token"));
        }
        if (document.equals("verifyAuditChain")) {
            request = request.check(jsonPath("$.data.verifyAuditChain.intact").ofBoolean().is(true));
        }
        return exec(request);
    }

    private static String body(String query, Map<String, Object> variables) {
        try {
            return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Function<Session, Boolean> chance(int percent) {
        return session -> ThreadLocalRandom.current().nextInt(100) < percent;
    }

    private static Iterator<Map<String, Object>> feeder(java.util.function.Supplier<Map<String, Object>> next) {
        return Stream.generate(next).iterator();
    }

    private Map<String, Object> aMember() {
        LoadCluster.Member member = pick(cluster.members);
        Map<String, Object> record = new HashMap<>();
        record.put("email", member.email());
        record.put("password", member.password());
        record.put("token", member.token());
        return record;
    }

    private Map<String, Object> aMatchmakersMember() {
        LoadCluster.Staff matchmaker = pick(cluster.matchmakers);
        List<LoadCluster.Member> theirs = cluster.members.stream()
                .filter(m -> m.matchmaker().equals(matchmaker.staffId())).toList();
        return Map.of("token", matchmaker.token(), "memberId", pick(theirs).memberId());
    }

    private Map<String, Object> aServiceCase() {
        return Map.of("token", pick(cluster.customerService).token(), "memberId", pick(cluster.members).memberId());
    }

    private Map<String, Object> aComplianceOfficer() {
        return Map.of("token", pick(cluster.compliance).token());
    }

    private static <T> T pick(List<T> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }
}
