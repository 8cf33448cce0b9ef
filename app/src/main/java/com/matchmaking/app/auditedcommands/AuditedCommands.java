package com.matchmaking.app.auditedcommands;

import com.matchmaking.app.account.Actor;
import com.matchmaking.schema.purpose.Purpose;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands with the audit metadata every resulting event carries: who acted (account id and role), why
 * (a {@link Purpose}, stored as its code; never free text) and through which channel. Metadata is stored
 * in the clear, so nothing personal goes in.
 */
@Component
public class AuditedCommands {

    /** The actor recorded for what the system does on its own (scheduled erasures, retention). */
    public static final String SYSTEM = "system";
    /** The origin of what the system does on a schedule. */
    public static final String SCHEDULER = "scheduler";
    /** The origin of what the system does while it starts (bootstrap, re-applied erasures). */
    public static final String STARTUP = "startup";
    /** The origin of what an event handler does because of an event (risk rules). */
    public static final String EVENT = "event";

    private final CommandGateway commandGateway;

    AuditedCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends on behalf of a caller and waits for the result; rejections come back as thrown exceptions. */
    public <R> R send(Object command, Actor actor, Purpose purpose) {
        return sendWith(command, metadata(actor.accountId().toString(), actor.auditRole(), purpose, "graphql"));
    }

    /** Sends on behalf of the system itself (a scheduler), naming the process as the purpose. */
    public <R> R sendAsSystem(Object command, Purpose purpose) {
        return sendAsSystem(command, purpose, SCHEDULER);
    }

    /** Sends on behalf of the system itself, naming the process as the purpose and where it runs as the origin. */
    public <R> R sendAsSystem(Object command, Purpose purpose, String origin) {
        return sendWith(command, metadata(SYSTEM, "SYSTEM", purpose, origin));
    }

    /**
     * Sends a command an event handler issues because of the event it handles: no metadata of its own, so the event's
     * (who acted, why, through which channel, and the correlation) carries over to what the command causes.
     */
    public <R> R sendFollowing(Object command) {
        return commandGateway.sendAndWait(command);
    }

    /**
     * Sends on behalf of a staff member who must stay unnamed in the clear (a leak reporter): the metadata says only
     * that some staff member acted; who, the command itself carries, encrypted.
     */
    public <R> R sendConfidentially(Object command, Purpose purpose) {
        return sendWith(command, metadata(CONFIDENTIAL, "STAFF", purpose, "graphql"));
    }

    /** The actor recorded where naming the actor would expose them. */
    public static final String CONFIDENTIAL = "confidential";

    private <R> R sendWith(Object command, Map<String, String> metadata) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)));
    }

    private static Map<String, String> metadata(String actorId, String role, Purpose purpose, String origin) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("actorId", actorId);
        metadata.put("actorRole", role);
        metadata.put("origin", origin);
        if (purpose != null) {
            metadata.put("purpose", purpose.code());
        }
        return metadata;
    }
}
