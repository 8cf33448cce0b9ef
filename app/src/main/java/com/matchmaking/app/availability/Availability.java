package com.matchmaking.app.availability;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.matchmaking.BlockMember;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import com.matchmaking.schema.matchmaking.PauseMatching;
import com.matchmaking.schema.matchmaking.ReinstateMember;
import com.matchmaking.schema.matchmaking.ResumeMatching;
import com.matchmaking.schema.matchmaking.SuspendMember;
import com.matchmaking.schema.text.FreeText.Kind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Whether, and to whom, a member is available for introductions, inside the member aggregate: the members they
 * blocked, whether they paused matching, and whether staff suspended them.
 */
public class Availability {


    private Set<UUID> blocked = new HashSet<>();
    private boolean matchingPaused;
    private boolean suspended;

    public Availability() {
        // Made by the member aggregate, and by Jackson for snapshots.
    }

    @CommandHandler
    void handle(BlockMember command, KnownMembers members) {
        if (command.memberId().equals(command.blockedMemberId())) {
            throw RequestRejectedException.badRequest(MessageKey.CANNOT_BLOCK_SELF);
        }
        if (blocked.contains(command.blockedMemberId())) {
            return;
        }
        if (command.blockedMemberId() == null || !members.isMember(command.blockedMemberId())) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER);
        }
        apply(new MemberBlocked(command.memberId(), command.blockedMemberId(), command.blockedAt()));
    }

    @CommandHandler
    void handle(PauseMatching command) {
        if (!matchingPaused) {
            apply(new MatchingPaused(command.memberId(), command.pausedAt()));
        }
    }

    @CommandHandler
    void handle(ResumeMatching command) {
        if (matchingPaused) {
            apply(new MatchingResumed(command.memberId(), command.resumedAt()));
        }
    }

    @CommandHandler
    void handle(SuspendMember command) {
        String reason = command.reason();
        if (!Kind.CARE_TEXT.admits(reason)) {
            throw RequestRejectedException.badRequest(MessageKey.LENGTH_BETWEEN, "reason", Kind.CARE_TEXT.min(),
                    Kind.CARE_TEXT.max());
        }
        if (suspended) {
            throw RequestRejectedException.conflict(MessageKey.MEMBER_ALREADY_SUSPENDED);
        }
        apply(new MemberSuspended(command.memberId(), command.staffId(), reason, command.suspendedAt()));
    }

    @CommandHandler
    void handle(ReinstateMember command) {
        if (!suspended) {
            throw RequestRejectedException.conflict(MessageKey.MEMBER_NOT_SUSPENDED);
        }
        apply(new MemberReinstated(command.memberId(), command.staffId(), command.reinstatedAt()));
    }

    @EventSourcingHandler
    void on(MemberBlocked event) {
        blocked.add(event.blockedMemberId());
    }

    @EventSourcingHandler
    void on(MatchingPaused event) {
        matchingPaused = true;
    }

    @EventSourcingHandler
    void on(MatchingResumed event) {
        matchingPaused = false;
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(MemberReinstated event) {
        suspended = false;
    }
}
