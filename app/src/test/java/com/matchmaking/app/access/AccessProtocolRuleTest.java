package com.matchmaking.app.access;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.participation.ConsultationNote;
import com.matchmaking.app.support.ProductionClasses;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.OperationRule;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds that no controller reads a member's data on someone else's behalf except through {@link AccessProtocol}: a
 * new controller that forgets to record the access, or to check the reader again, fails here rather than leaving a
 * silent hole.
 *
 * <p>A read on someone else's behalf is a GraphQL handler for an operation that {@link AuthorizationTable} gives to
 * staff only and marks as touching members' data, or a field of a nested type (such as the contact of the other
 * member of an introduction). Such a handler must not reach, through the methods and lambdas of its own class, one of
 * the {@link #READERS} unless it also reaches the protocol. ArchUnit attributes what a lambda calls to the method
 * that declares it, so the read passed to the protocol is reached too: the rule proves the protocol is used, the
 * protocol proves the order.
 */
class AccessProtocolRuleTest {

    /**
     * What reads one member's data: any subject's decrypted log (whatever view it is read through: a member's, an
     * introduction's), an introduction's records, a trail, a single card.
     */
    static final Set<String> READERS = Set.of(
            "com.matchmaking.app.history.SubjectHistory.read",
            "com.matchmaking.app.history.SubjectHistory.readFrom",
            "com.matchmaking.app.introduction.IntroductionRecords.load",
            "com.matchmaking.app.audit.AuditTrail.read",
            "com.matchmaking.readmodels.member.MemberCards.matchmakerCard",
            "com.matchmaking.readmodels.member.MemberCards.serviceCard");

    static final Set<String> PROTOCOL = Set.of(
            AccessProtocol.class.getName() + ".read",
            AccessProtocol.class.getName() + ".readAt");

    /**
     * Staff operations that read a member's log without an access event, as they always have, and why. Each must
     * still exist; anything new must go through the protocol or be argued for here.
     */
    static final Map<String, String> NOT_ACCESS_EVENTS = Map.of(
            "Query.dataShareRegister", "compliance's own register: the shares' recipients and purposes, no profile",
            "Mutation.approveDataShare", "answers the share record compliance approves, no profile",
            "Query.legalHolds", "compliance's own holds and their reasons, no profile",
            "Mutation.placeLegalHold", "answers the hold just placed, no profile");

    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = ProductionClasses.all();
    }

    @Test
    void everyReadOnSomeoneElsesBehalfGoesThroughTheProtocol() {
        Map<String, String> handlers = recordedReadHandlers(app);
        assertThat(violations(app)).isEmpty();
        // The rule sees the reads it is about: every one of the six controllers moved onto the protocol.
        assertThat(handlers.keySet()).contains("Query.memberProfile", "Mutation.revealField", "Query.consultationNotes",
                "Query.introductions", "Mutation.proposeIntroduction", "Query.auditTrail", "Mutation.requestDataShare",
                "Mutation.collectDataShare", "IntroducedMember.contact");
    }

    @Test
    void theExceptionsAreStillStaffOperationsThatReadWithoutTheProtocol() {
        Map<String, Set<String>> reached = reachedReaders(app);
        for (String operation : NOT_ACCESS_EVENTS.keySet()) {
            assertThat(staffMemberData(operation)).as(operation).isTrue();
            assertThat(reached.get(operation)).as(operation + " reads a member's log").containsAnyElementsOf(READERS);
        }
    }

    @Test
    void theReadersNamedExist() {
        for (String reader : READERS) {
            String owner = reader.substring(0, reader.lastIndexOf('.'));
            String name = reader.substring(reader.lastIndexOf('.') + 1);
            assertThat(app.get(owner).getMethods()).as(reader).anyMatch(m -> m.getName().equals(name));
        }
    }

    /** The rule catches a controller that reads a member's notes without recording the look. */
    @Test
    void aControllerThatReadsWithoutTheProtocolIsCaught() {
        JavaClasses forgetful = new ClassFileImporter().importClasses(ForgetfulController.class);
        assertThat(violations(forgetful)).containsOnlyKeys("Query.consultationNotes");
        assertThat(violations(forgetful).get("Query.consultationNotes"))
                .contains("com.matchmaking.app.history.SubjectHistory.read");
    }

    /** Only the protocol writes the commands that record an access: no controller writes the steps by hand. */
    @Test
    void onlyTheProtocolBuildsAccessEventCommands() {
        Set<String> commands = new TreeSet<>();
        for (AccessKind kind : AccessKind.values()) {
            commands.add(kind.command().getName());
        }
        Set<String> outside = new TreeSet<>();
        for (JavaClass type : app.that(JavaClass.Predicates.resideInAPackage("com.matchmaking.app.."))) {
            if (type.getPackageName().equals(AccessProtocol.class.getPackageName())) {
                continue;
            }
            type.getConstructorCallsFromSelf().stream()
                    .filter(call -> commands.contains(call.getTargetOwner().getName()))
                    .forEach(call -> outside.add(type.getName() + " builds " + call.getTargetOwner().getSimpleName()));
        }
        assertThat(outside).isEmpty();
        assertThat(commands).hasSize(AccessKind.values().length);
    }

    @Test
    void everyAccessKindNamesAStaffOrMemberRuleOfTheTable() {
        for (AccessKind kind : AccessKind.values()) {
            Optional<OperationRule> rule = AuthorizationTable.operation(kind.authority());
            assertThat(rule).as(kind.name()).isPresent();
            assertThat(rule.get().open()).as(kind.name()).isFalse();
        }
    }

    /** Handlers that read on someone else's behalf and reach a reader without the protocol, with what they reach. */
    static Map<String, Set<String>> violations(JavaClasses classes) {
        Map<String, Set<String>> violations = new TreeMap<>();
        Map<String, Set<String>> reached = reachedReaders(classes);
        for (Map.Entry<String, Set<String>> entry : reached.entrySet()) {
            Set<String> targets = entry.getValue();
            boolean reads = targets.stream().anyMatch(READERS::contains);
            boolean recorded = targets.stream().anyMatch(PROTOCOL::contains);
            if (reads && !recorded && !NOT_ACCESS_EVENTS.containsKey(entry.getKey())) {
                Set<String> read = new TreeSet<>(targets);
                read.retainAll(READERS);
                violations.put(entry.getKey(), read);
            }
        }
        return violations;
    }

    /** Operations read on someone else's behalf that go through the protocol. */
    static Map<String, String> recordedReadHandlers(JavaClasses classes) {
        Map<String, String> recorded = new TreeMap<>();
        reachedReaders(classes).forEach((operation, targets) -> {
            if (targets.stream().anyMatch(PROTOCOL::contains)) {
                recorded.put(operation, String.join(",", targets));
            }
        });
        return recorded;
    }

    /** For every handler read on someone else's behalf: the methods it reaches, as "owner.name". */
    static Map<String, Set<String>> reachedReaders(JavaClasses classes) {
        Map<String, Set<String>> reached = new TreeMap<>();
        for (JavaClass type : classes) {
            if (!type.isAnnotatedWith(Controller.class)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                operation(method).filter(AccessProtocolRuleTest::onSomeoneElsesBehalf)
                        .ifPresent(operation -> reached.computeIfAbsent(operation, o -> new TreeSet<>())
                                .addAll(targets(method)));
            }
        }
        return reached;
    }

    /** Staff-only operations over members' data, and every nested field. */
    private static boolean onSomeoneElsesBehalf(String operation) {
        return !operation.startsWith("Query.") && !operation.startsWith("Mutation.") || staffMemberData(operation);
    }

    private static boolean staffMemberData(String operation) {
        return AuthorizationTable.operation(operation)
                .map(rule -> !rule.open() && rule.memberData() && !rule.roles().contains(Role.MEMBER))
                .orElse(false);
    }

    private static Optional<String> operation(JavaMethod method) {
        Optional<QueryMapping> query = method.tryGetAnnotationOfType(QueryMapping.class);
        if (query.isPresent()) {
            return Optional.of("Query." + named(method, query.get().name(), query.get().value()));
        }
        Optional<MutationMapping> mutation = method.tryGetAnnotationOfType(MutationMapping.class);
        if (mutation.isPresent()) {
            return Optional.of("Mutation." + named(method, mutation.get().name(), mutation.get().value()));
        }
        return method.tryGetAnnotationOfType(SchemaMapping.class)
                .map(schema -> schema.typeName() + "." + named(method, schema.field(), schema.value()));
    }

    private static String named(JavaMethod method, String name, String value) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : method.getName();
    }

    /**
     * Every method the handler calls or refers to, through the methods and lambdas of its own class (and classes
     * nested in it), as "owner.name".
     */
    private static Set<String> targets(JavaMethod handler) {
        String home = handler.getOwner().getName();
        Set<String> targets = new LinkedHashSet<>();
        Set<JavaCodeUnit> seen = new LinkedHashSet<>();
        Deque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(handler));
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.pop();
            if (!seen.add(unit)) {
                continue;
            }
            Stream.<AccessTarget.CodeUnitAccessTarget>concat(
                    unit.getCallsFromSelf().stream().map(call -> call.getTarget()),
                    unit.getMethodReferencesFromSelf().stream().map(reference -> reference.getTarget()))
                    .forEach(target -> {
                        String owner = target.getOwner().getName();
                        targets.add(owner + "." + target.getName());
                        if (owner.equals(home) || owner.startsWith(home + "$")) {
                            target.resolveMember().ifPresent(todo::push);
                        }
                    });
        }
        return targets;
    }

    /** What the rule must catch: a staff read of a member's notes with no access event and no second check. */
    @Controller
    static class ForgetfulController {

        private final SubjectHistory history;

        ForgetfulController(SubjectHistory history) {
            this.history = history;
        }

        @QueryMapping
        List<ConsultationNote> consultationNotes(UUID memberId, @ContextValue Actor actor) {
            return notes(memberId);
        }

        private List<ConsultationNote> notes(UUID memberId) {
            return Arrays.asList(history.read(memberId, ConsultationNote.ALL).orElseThrow()
                    .toArray(ConsultationNote[]::new));
        }
    }
}
