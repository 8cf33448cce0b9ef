package com.matchmaking.app.access;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.OperationRule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way to read a member's data on someone else's behalf (staff, or the other member of an introduction), in a
 * fixed order: the access is appended to each subject's log first; then the reader is checked again, as the database
 * says now, against {@link AuthorizationTable} (an access can trip a risk rule that suspends the account in the same
 * transaction, and the caller then gets a refusal instead of the data); only then does the read run. A controller
 * that reads without it is caught by {@code AccessProtocolRuleTest}.
 */
@Component
public class AccessProtocol {

    private final AuditedCommands commands;
    private final Logins logins;
    private final Clock clock;

    AccessProtocol(AuditedCommands commands, Logins logins, Clock clock) {
        this.commands = commands;
        this.logins = logins;
        this.clock = clock;
    }

    /** Records the access in the subject's log, checks the reader, then reads. */
    public <T> T read(Actor reader, UUID subject, Access what, Supplier<T> read) {
        return readAt(reader, subject, what, at -> read.get());
    }

    /** As {@link #read(Actor, UUID, Access, Supplier)}, the read getting the instant the access was recorded at. */
    public <T> T readAt(Actor reader, UUID subject, Access what, Function<Instant, T> read) {
        return run(reader, List.of(Objects.requireNonNull(subject, "subject")), what, read);
    }

    /**
     * A read that shows several members' data at once (an introduction's records): recorded in each one's log. With no
     * subject (a staff account's trail holds no member's data) nothing is recorded, and the reader is still checked.
     */
    public <T> T read(Actor reader, List<UUID> subjects, Access what, Supplier<T> read) {
        return run(reader, List.copyOf(subjects), what, at -> read.get());
    }

    private <T> T run(Actor reader, List<UUID> subjects, Access what, Function<Instant, T> read) {
        Instant at = clock.instant();
        for (UUID subject : subjects) {
            record(reader, subject, what, at);
        }
        stillAllowed(reader, what.kind());
        return read.apply(at);
    }

    private void record(Actor reader, UUID subject, Access what, Instant at) {
        try {
            commands.send(what.command(subject, reader, at), reader, what.kind().purpose());
        } catch (RequestRejectedException | CommandExecutionException e) {
            RequestRejectedException rejected = rejection(e);
            if (!what.kind().readsErasedSubjects() || rejected == null
                    || rejected.classification() != Classification.NOT_FOUND) {
                throw e;
            }
            // An erased member: nothing of theirs can be read any more, and no event can be added for them.
        }
    }

    /**
     * The operation rule of the access kind, applied to the reader as the database says after the access was
     * recorded. A staff account a risk rule just suspended is told so.
     */
    private void stillAllowed(Actor reader, AccessKind kind) {
        Actor now = logins.actor(reader.accountId()).orElse(null);
        if (now == null || now.suspended()) {
            throw RequestRejectedException.forbidden(reader.isMember() ? MessageKey.ACCOUNT_SUSPENDED
                    : MessageKey.ACCOUNT_SUSPENDED_BY_RISK);
        }
        OperationRule rule = AuthorizationTable.operation(kind.authority())
                .orElseThrow(() -> RequestRejectedException.forbidden(MessageKey.OPERATION_CLOSED));
        if (!rule.allows(now.roles())) {
            throw RequestRejectedException.forbidden(MessageKey.ROLE_FORBIDDEN);
        }
        if (rule.memberData() && !now.memberDataAllowed()) {
            throw RequestRejectedException.forbidden(MessageKey.STAFF_TRAINING_REQUIRED);
        }
    }

    private static RequestRejectedException rejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestRejectedException r) {
                return r;
            }
        }
        return null;
    }
}
