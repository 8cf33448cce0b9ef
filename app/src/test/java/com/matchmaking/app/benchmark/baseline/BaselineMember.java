package com.matchmaking.app.benchmark.baseline;

import com.matchmaking.app.benchmark.baseline.BaselineCommands.BaselineMemberRegistered;
import com.matchmaking.app.benchmark.baseline.BaselineCommands.BaselineProfileUpdated;
import com.matchmaking.app.benchmark.baseline.BaselineCommands.RegisterBaselineMember;
import com.matchmaking.app.benchmark.baseline.BaselineCommands.UpdateBaselineProfile;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The baseline's aggregate: an event-sourced member with six fields, the same command shapes as ours (a registration,
 * a change of one to three values that appends one event when something changed), and no rules, keys, logins or
 * subscribing handlers.
 */
class BaselineMember {

    @AggregateIdentifier
    private UUID memberId;
    private String fullName;
    private String email;
    private String phone;
    private String city;
    private String aboutMe;

    protected BaselineMember() {
    }

    @CommandHandler
    BaselineMember(RegisterBaselineMember command) {
        apply(new BaselineMemberRegistered(command.memberId(), command.fullName(), command.email(), command.phone(),
                command.city(), command.aboutMe(), command.registeredAt()));
    }

    @CommandHandler
    void handle(UpdateBaselineProfile command) {
        boolean changes = changes(command.fullName(), fullName) || changes(command.phone(), phone)
                || changes(command.city(), city) || changes(command.aboutMe(), aboutMe);
        if (changes) {
            apply(new BaselineProfileUpdated(memberId, command.fullName(), command.phone(), command.city(),
                    command.aboutMe(), command.updatedAt()));
        }
    }

    private static boolean changes(String value, String current) {
        return value != null && !Objects.equals(value, current);
    }

    @EventSourcingHandler
    void on(BaselineMemberRegistered event) {
        memberId = event.memberId();
        fullName = event.fullName();
        email = event.email();
        phone = event.phone();
        city = event.city();
        aboutMe = event.aboutMe();
    }

    @EventSourcingHandler
    void on(BaselineProfileUpdated event) {
        fullName = event.fullName() != null ? event.fullName() : fullName;
        phone = event.phone() != null ? event.phone() : phone;
        city = event.city() != null ? event.city() : city;
        aboutMe = event.aboutMe() != null ? event.aboutMe() : aboutMe;
    }
}
