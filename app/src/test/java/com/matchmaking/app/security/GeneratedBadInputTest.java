package com.matchmaking.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.authorization.AuthorizationTable;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.language.AstPrinter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault suite: bad input generated from the SDL for every argument (and every field of an input-object argument) of
 * every operation, sent as a caller the authorisation table lets through: wrong types, null where the wire allows
 * it, huge strings, control characters, unknown enum values. No answer is an {@code INTERNAL_ERROR} or shows
 * internals, and nothing is stored.
 */
@Tag("fault")
class GeneratedBadInputTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "java.", "org.", "com.matchmaking",
            "graphql.", "SQL", "jdbc", "Hikari", "postgres", "NullPointer", "Cannot invoke");
    private static final String VALID_ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TypeDefinitionRegistry registry;

    @Test
    void badInputToEveryOperationIsRefusedClearlyAndStoresNothing() throws Exception {
        registry = schema();
        Map<Role, String> tokens = tokens();
        int before = eventCount();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int validAfterAll = 0;
        List<String> storedByValidValues = new ArrayList<>();
        Map<String, Integer> classifications = new java.util.TreeMap<>();
        java.util.Set<String> unauthorized = new java.util.TreeSet<>();
        for (String root : List.of("Query", "Mutation")) {
            for (FieldDefinition operation : fields(root)) {
                var rule = AuthorizationTable.operation(root + "." + operation.getName());
                String token = rule.isEmpty() || rule.get().open() ? null
                        : tokens.get(rule.get().roles().stream().sorted().findFirst().orElseThrow());
                for (InputValueDefinition argument : operation.getInputValueDefinitions()) {
                    for (Case bad : casesFor(argument)) {
                        int eventsBefore = eventCount();
                        String answer = send(root, operation, argument, bad.value(), token);
                        sent++;
                        classifications.merge(answer.replaceAll("(?s).*?\"classification\":\"([A-Z_]+)\".*", "$1")
                                .replaceAll("(?s)^(\\d+ ).*\"data\".*", "$1data"), 1, Integer::sum);
                        String label = root + "." + operation.getName() + "(" + argument.getName() + bad.path() + ") "
                                + bad.kind() + ": ";
                        if (answer.contains("UNAUTHORIZED")) {
                            unauthorized.add(root + "." + operation.getName() + (token == null ? " anonymous" : ""));
                        }
                        if (answer.contains("INTERNAL_ERROR")) {
                            failures.add(label + "INTERNAL_ERROR " + abbreviate(answer));
                        }
                        for (String internal : INTERNALS) {
                            if (answer.contains(internal)) {
                                failures.add(label + "shows '" + internal + "' " + abbreviate(answer));
                            }
                        }
                        if (eventCount() != eventsBefore) {
                            // A null or empty optional value can be a valid request (no change, clear a field).
                            if (bad.kind().equals("null") || bad.kind().equals("empty string")) {
                                validAfterAll++;
                                storedByValidValues.add(label.strip());
                            } else {
                                failures.add(label + "stored an event " + abbreviate(answer));
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("generated bad input: %d requests, %d of them (null or empty) valid%n", sent, validAfterAll);
        System.out.println("answers: " + classifications + "; unauthorized: " + unauthorized + "; stored by valid "
                + "null or empty values: " + storedByValidValues);
        assertThat(sent).as("requests generated from the schema").isGreaterThan(300);
        assertThat(failures).as("bad inputs answered badly").isEmpty();
        assertThat(eventCount() - before).as("nothing stored but by valid null or empty values")
                .isLessThanOrEqualTo(validAfterAll * 2);
    }

    private record Case(String path, String kind, Object value) {
    }

    /** Bad values for the argument itself and, for an input object, for each of its fields with the rest valid. */
    private List<Case> casesFor(InputValueDefinition argument) {
        List<Case> cases = new ArrayList<>();
        badValues(argument.getType()).forEach((kind, value) -> cases.add(new Case("", kind, value)));
        TypeName named = named(argument.getType());
        registry.getType(named.getName(), InputObjectTypeDefinition.class).ifPresent(input -> {
            for (InputValueDefinition field : input.getInputValueDefinitions()) {
                badValues(field.getType()).forEach((kind, value) -> {
                    Map<String, Object> object = new LinkedHashMap<>(validObject(input));
                    object.put(field.getName(), value);
                    Object wrapped = argument.getType() instanceof ListType
                            || (argument.getType() instanceof NonNullType n && n.getType() instanceof ListType)
                            ? List.of(object) : object;
                    cases.add(new Case("." + field.getName(), kind, wrapped));
                });
            }
        });
        return cases;
    }

    private Map<String, Object> badValues(Type<?> type) {
        Map<String, Object> values = new LinkedHashMap<>();
        String name = named(type).getName();
        boolean enumType = registry.getType(name, EnumTypeDefinition.class).isPresent();
        boolean inputObject = registry.getType(name, InputObjectTypeDefinition.class).isPresent();
        if (!(type instanceof NonNullType)) {
            values.put("null", null);
        }
        values.put("wrong type (object)", Map.of("nested", List.of(1, 2)));
        values.put("wrong type (number)", 1e30);
        values.put("wrong type (list of nulls)", java.util.Arrays.asList(null, null));
        if (enumType) {
            values.put("unknown enum", "NOT_A_VALUE_" + name.toUpperCase());
            values.put("enum in lower case", "x");
        } else if (!inputObject) {
            values.put("huge string", "x".repeat(200_000));
            values.put("control characters", "a\u0000b\u0007c\u001b[31m\u202e");
            values.put("empty string", "");
            values.put("negative", -2147483648);
            values.put("past int", 2147483648L);
        }
        return values;
    }

    private Map<String, Object> validObject(InputObjectTypeDefinition input) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (InputValueDefinition field : input.getInputValueDefinitions()) {
            if (field.getType() instanceof NonNullType) {
                object.put(field.getName(), valid(field.getType(), 0));
            }
        }
        return object;
    }

    private Object valid(Type<?> type, int depth) {
        if (type instanceof NonNullType nonNull) {
            return valid(nonNull.getType(), depth);
        }
        if (type instanceof ListType list) {
            return List.of(valid(list.getType(), depth));
        }
        String name = ((TypeName) type).getName();
        var enumType = registry.getType(name, EnumTypeDefinition.class);
        if (enumType.isPresent()) {
            return enumType.get().getEnumValueDefinitions().get(0).getName();
        }
        var input = registry.getType(name, InputObjectTypeDefinition.class);
        if (input.isPresent()) {
            return depth > 3 ? Map.of() : validObject(input.get());
        }
        return switch (name) {
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> false;
            case "ID" -> VALID_ID;
            case "Date" -> "1990-01-01";
            case "DateTime" -> "2020-01-01T00:00:00Z";
            case "JSON" -> Map.of();
            default -> "x";
        };
    }

    /** The operation with the bad value as a variable of the argument's own type and the other arguments valid. */
    private String send(String root, FieldDefinition operation, InputValueDefinition target, Object bad, String token)
            throws Exception {
        StringBuilder arguments = new StringBuilder();
        Map<String, Object> variables = new HashMap<>();
        StringBuilder declarations = new StringBuilder();
        for (InputValueDefinition argument : operation.getInputValueDefinitions()) {
            Object value = argument == target ? bad : valid(argument.getType(), 0);
            if (argument != target && !(argument.getType() instanceof NonNullType)) {
                continue;
            }
            declarations.append(declarations.isEmpty() ? "(" : ", ").append('$').append(argument.getName()).append(": ")
                    .append(AstPrinter.printAst(argument.getType()));
            arguments.append(arguments.isEmpty() ? "(" : ", ").append(argument.getName()).append(": $")
                    .append(argument.getName());
            variables.put(argument.getName(), value);
        }
        String document = (root.equals("Query") ? "query" : "mutation") + (declarations.isEmpty() ? "" : declarations + ")")
                + " { " + operation.getName() + (arguments.isEmpty() ? "" : arguments + ")") + selection(operation.getType())
                + " }";
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private String selection(Type<?> type) {
        String name = named(type).getName();
        return registry.getType(name, ObjectTypeDefinition.class).isPresent()
                || registry.getType(name, graphql.language.InterfaceTypeDefinition.class).isPresent()
                || registry.getType(name, graphql.language.UnionTypeDefinition.class).isPresent() ? " { __typename }" : "";
    }

    private Map<Role, String> tokens() {
        Staffing staffing = new Staffing(api());
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.MEMBER, api().register(TestMembers.fresh()).token());
        tokens.put(Role.ADMIN, staffing.adminToken());
        for (Role role : List.of(Role.MATCHMAKER, Role.CUSTOMER_SERVICE, Role.ANALYST, Role.COMPLIANCE)) {
            tokens.put(role, staffing.cleared(role).token());
        }
        return tokens;
    }

    private List<FieldDefinition> fields(String root) {
        List<FieldDefinition> fields = new ArrayList<>(
                registry.getType(root, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions());
        registry.objectTypeExtensions().getOrDefault(root, List.of()).forEach(e -> fields.addAll(e.getFieldDefinitions()));
        return fields;
    }

    private static TypeDefinitionRegistry schema() throws Exception {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (var file : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        return registry;
    }

    private static TypeName named(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return named(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return named(list.getType());
        }
        return (TypeName) type;
    }

    private static String abbreviate(String answer) {
        return answer.length() > 400 ? answer.substring(0, 400) + "…" : answer;
    }
}
