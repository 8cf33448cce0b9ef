package com.matchmaking.app.erasure;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.audit.AuditedCommands;
import com.matchmaking.app.member.MemberHistory;
import com.matchmaking.schema.erasure.CancelErasure;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.erasure.RequestErasure;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A member's right to erasure: ask, change their mind during the cooling-off period, see where it stands. */
@Controller
class ErasureController {

    record ErasureStatus(String state, Instant requestedAt, Instant dueAt, ErasureReceipts.Receipt receipt) {
    }

    private final AuditedCommands commands;
    private final MemberHistory history;
    private final ErasureReceipts receipts;
    private final MatchmakingProperties properties;
    private final Clock clock;

    ErasureController(AuditedCommands commands, MemberHistory history, ErasureReceipts receipts,
                      MatchmakingProperties properties, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.receipts = receipts;
        this.properties = properties;
        this.clock = clock;
    }

    @MutationMapping
    ErasureStatus requestErasure(@ContextValue Actor actor) {
        Instant now = clock.instant();
        Duration grace = properties.erasure().gracePeriod();
        commands.send(new RequestErasure(actor.accountId(), now, now.plus(grace)), actor, "erasure-request");
        if (grace.isZero() || grace.isNegative()) {
            commands.send(new EraseMember(actor.accountId(), now), actor, "erasure-request");
            var receipt = receipts.forMember(actor.accountId()).orElseThrow();
            return new ErasureStatus("ERASED", receipt.requestedAt(), receipt.erasedAt(), receipt);
        }
        return myErasureStatus(actor);
    }

    @MutationMapping
    ErasureStatus cancelErasure(@ContextValue Actor actor) {
        commands.send(new CancelErasure(actor.accountId(), clock.instant()), actor, "erasure-cancel");
        return myErasureStatus(actor);
    }

    @QueryMapping
    ErasureStatus myErasureStatus(@ContextValue Actor actor) {
        var erasure = history.load(actor.accountId()).erasure();
        return new ErasureStatus(erasure.state(), erasure.requestedAt(), erasure.dueAt(),
                receipts.forMember(actor.accountId()).orElse(null));
    }
}
