package com.matchmaking.app.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.keys.testing.TestPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system under load: two application nodes (the packaged jar, each its own JVM) on one fresh database, with one
 * KEK file, distinct loopback ports, plain HTTP, and the rate limits and risk thresholds raised so that the run
 * measures the application rather than its brakes. Seeds staff and members over GraphQL, as an agency would:
 * the bootstrap administrator changes its password, creates and clears the staff, members register and confirm
 * with the code from the development outbox file, and every member gets a matchmaker.
 */
final class LoadCluster implements AutoCloseable {

    static final String ADMIN = "load-admin";
    private static final String ADMIN_PASSWORD = "load-admin-initial-password";
    private static final String ADMIN_CHANGED = "load-admin-changed-password";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A seeded member: id, login and a token from the confirmation. */
    record Member(String memberId, String email, String password, String token, String matchmaker) {
    }

    /** A seeded staff account and a token of its own. */
    record Staff(String staffId, String username, String password, String token, String role) {
    }

    private final Path workDir;
    private final TestPostgres.Database database;
    private final List<Process> nodes = new ArrayList<>();
    final List<String> baseUrls = new ArrayList<>();
    private final List<Path> outboxes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Member> members = new ArrayList<>();
    final List<Staff> matchmakers = new ArrayList<>();
    final List<Staff> customerService = new ArrayList<>();
    final List<Staff> compliance = new ArrayList<>();

    LoadCluster(Path workDir, Path appJar) {
        this.workDir = workDir;
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException("No application jar at " + appJar + ": run the package phase first");
        }
        this.database = TestPostgres.createDatabase("load");
        say("database %s on the %s PostgreSQL", database.name(), database.external() ? "external" : "embedded");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopNodes));
        try {
            Files.createDirectories(workDir);
            Files.deleteIfExists(workDir.resolve("kek.json"));
            // The first node makes the KEK; the second starts once it is there and checks it against the database.
            for (int node = 1; node <= 2; node++) {
                start(node, appJar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(int node, Path appJar) throws IOException {
        int port = freePort();
        int management = freePort();
        Path dataDir = workDir.resolve("node" + node);
        Path outbox = workDir.resolve("node" + node + "-outbox.txt");
        Files.deleteIfExists(outbox);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-jar", appJar.toString());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", database.url());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("PORT", Integer.toString(port));
        env.put("MATCHMAKING_TLS_MODE", "off");
        env.put("MATCHMAKING_TLS_HTTP_PORT", "0");
        env.put("MATCHMAKING_MANAGEMENT_PORT", Integer.toString(management));
        env.put("MATCHMAKING_DATA_DIR", dataDir.toString());
        // Each node anchors the audit chain it sealed itself, in a ledger folder of its own.
        env.put("MATCHMAKING_LEDGER_DIR", workDir.resolve("node" + node + "-ledger").toString());
        env.put("MATCHMAKING_KEYS_KEK_FILE", workDir.resolve("kek.json").toString());
        env.put("MATCHMAKING_MAIL_OUTBOX_FILE", outbox.toString());
        env.put("MATCHMAKING_PROCESSING_NODE_ID", "load-node-" + node);
        env.put("MATCHMAKING_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("MATCHMAKING_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // All the load comes from one address: per-client limits would refuse it after a few requests.
        env.put("MATCHMAKING_RATE_LIMIT_LOGIN_CAPACITY", "1000000");
        env.put("MATCHMAKING_RATE_LIMIT_REGISTRATION_CAPACITY", "1000000");
        // The load's few staff accounts look at every member again and again, around the clock: the risk rules would
        // (rightly) suspend them within seconds. Raised for the run only; RiskRulesTest shows the rules themselves.
        env.put("MATCHMAKING_RISK_DISTINCT_MEMBERS_MAX", "1000000");
        env.put("MATCHMAKING_RISK_REVEALS_MAX", "1000000");
        env.put("MATCHMAKING_RISK_EXPORT_VOLUME_MAX", "1000000");
        env.put("MATCHMAKING_RISK_WORKING_HOURS_ENABLED", "false");
        env.put("MATCHMAKING_ERASURE_POLL_INTERVAL", "PT1M");
        builder.redirectErrorStream(true);
        builder.redirectOutput(workDir.resolve("node" + node + ".log").toFile());
        Process process = builder.start();
        nodes.add(process);
        outboxes.add(outbox);
        String base = "http://127.0.0.1:" + port;
        awaitReady(process, "http://127.0.0.1:" + management + "/actuator/health/readiness", node);
        baseUrls.add(base);
        say("node %d up at %s (log %s)", node, base, workDir.resolve("node" + node + ".log"));
    }

    private void awaitReady(Process process, String readiness, int node) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + node + " stopped while starting; see node" + node + ".log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(readiness))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        throw new IllegalStateException("node " + node + " not ready within 4 minutes");
    }

    /** Staff and members, spread over both nodes. */
    void seed(int memberCount, long seed) {
        String admin = adminToken();
        for (int i = 0; i < 2; i++) {
            matchmakers.add(staff(admin, "load.matchmaker" + i, "MATCHMAKER"));
        }
        customerService.add(staff(admin, "load.service0", "CUSTOMER_SERVICE"));
        compliance.add(staff(admin, "load.compliance0", "COMPLIANCE"));
        Random random = new Random(seed);
        String[] cities = {"Shanghai", "Beijing", "Hangzhou", "Shenzhen"};
        for (int i = 0; i < memberCount; i++) {
            int node = i % 2;
            String email = "load-member-" + i + "@example.com";
            String password = "load-member-password-" + i;
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("email", email);
            input.put("password", password);
            input.put("fullName", "Load Member " + i);
            input.put("phone", "139" + String.format("%08d", 10_000_000 + i));
            input.put("gender", i % 2 == 0 ? "FEMALE" : "MALE");
            input.put("birthDate", LocalDate.of(1980, 1, 1).plusDays(random.nextInt(365 * 15)).toString());
            input.put("city", cities[random.nextInt(cities.length)]);
            input.put("maritalStatus", "NEVER_MARRIED");
            input.put("acceptedPrivacyPolicyVersion", "2026-11");
            input.put("education", "BACHELOR");
            input.put("occupation", "Engineer");
            input.put("heightCm", 155 + random.nextInt(35));
            input.put("aboutMe", "Likes tea and long walks");
            input.put("consents", List.of("SENSITIVE_DATA", "PERSONALISED_RECOMMENDATIONS"));
            String memberId = data(node, null, "registerMember", Map.of("input", input))
                    .path("registerMember").path("memberId").asText();
            String code = awaitCode(node, email);
            String token = data(node, null, "confirmEmail", Map.of("email", email, "code", code))
                    .path("confirmEmail").path("token").asText();
            data(node, token, "updateMyPreferences", Map.of("input", Map.of(
                    "ageYears", Map.of("min", 28, "max", 50, "required", false, "weight", 5),
                    "genders", Map.of("accepted", List.of(i % 2 == 0 ? "MALE" : "FEMALE"), "required", true),
                    "cities", Map.of("accepted", List.of(cities[random.nextInt(cities.length)]), "required", false,
                            "weight", 3))));
            Staff matchmaker = matchmakers.get(i % matchmakers.size());
            data(1 - node, admin, "assignMatchmaker", Map.of("memberId", memberId, "matchmakerId", matchmaker.staffId()));
            members.add(new Member(memberId, email, password, token, matchmaker.staffId()));
        }
        // Consultation notes name a member the read models know: they catch up a moment after the registrations.
        for (Member member : members) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    data(0, customerService.get(0).token(), "addConsultationNote",
                            Map.of("memberId", member.memberId(), "text", "Called about the membership plan"));
                    break;
                } catch (IllegalStateException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    sleep(200);
                }
            }
        }
        say("seeded %d members, %d matchmakers, %d customer service, %d compliance", members.size(),
                matchmakers.size(), customerService.size(), compliance.size());
    }

    private String adminToken() {
        JsonNode first = data(0, null, "login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD)).path("login");
        if (!first.path("mustChangePassword").asBoolean()) {
            throw new IllegalStateException("the bootstrap administrator was expected to change its password first");
        }
        return data(1, first.path("token").asText(), "changePassword",
                Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", ADMIN_CHANGED))
                .path("changePassword").path("token").asText();
    }

    private Staff staff(String admin, String username, String role) {
        String password = username + "-password";
        String id = data(0, admin, "createStaff", Map.of("input", Map.of("username", username, "password", password,
                "displayName", username, "roles", List.of(role)))).path("createStaff").path("staffId").asText();
        data(1, admin, "recordConfidentialityAgreement", Map.of("staffId", id, "version", "CA-2026",
                "signedOn", LocalDate.now().minusDays(30).toString()));
        data(0, admin, "recordPrivacyTraining", Map.of("staffId", id,
                "completedOn", LocalDate.now().minusDays(10).toString()));
        String token = data(1, null, "login", Map.of("username", username, "password", password))
                .path("login").path("token").asText();
        return new Staff(id, username, password, token, role);
    }

    /** The newest code mailed to the address, read from the node's development outbox. */
    private String awaitCode(int node, String email) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                Path outbox = outboxes.get(node);
                if (Files.exists(outbox)) {
                    String code = null;
                    for (String entry : Files.readString(outbox, StandardCharsets.UTF_8).split("\n--- ")) {
                        if (entry.contains("\nTo: " + email + "\n")) {
                            Matcher matcher = CODE.matcher(entry.substring(entry.indexOf("\n\n") + 2));
                            if (matcher.find()) {
                                code = matcher.group(1);
                            }
                        }
                    }
                    if (code != null) {
                        return code;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sleep(50);
        }
        throw new IllegalStateException("no confirmation code in the outbox of node " + (node + 1));
    }

    /** Runs one of the test documents (app/src/test/resources/graphql-test) and returns its data; errors fail. */
    JsonNode data(int node, String token, String document, Map<String, Object> variables) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", document(document), "variables", variables));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(node) + "/graphql"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || answer.has("errors")) {
                // Errors name fields and classifications, never the values sent.
                throw new IllegalStateException(document + " failed while seeding: " + response.statusCode() + " "
                        + answer.path("errors"));
            }
            return answer.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String document(String name) {
        try (InputStream in = LoadCluster.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalStateException("no document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private synchronized void stopNodes() {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                node.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        nodes.clear();
    }

    @Override
    public void close() {
        stopNodes();
        TestPostgres.dropAll();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void say(String format, Object... args) {
        System.out.printf("[load] " + format + "%n", args);
    }
}
