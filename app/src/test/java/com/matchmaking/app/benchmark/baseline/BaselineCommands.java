package com.matchmaking.app.benchmark.baseline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The baseline's commands and events: a member's five profile values in the clear, nothing else. */
public final class BaselineCommands {

    private BaselineCommands() {
    }

    /** Registers a member with all five values. */
    public record RegisterBaselineMember(@TargetAggregateIdentifier UUID memberId, String fullName, String email,
                                         String phone, String city, String aboutMe, Instant registeredAt) {
    }

    /** Changes the non-null values among the four changeable ones. */
    public record UpdateBaselineProfile(@TargetAggregateIdentifier UUID memberId, String fullName, String phone,
                                        String city, String aboutMe, Instant updatedAt) {
    }

    record BaselineMemberRegistered(UUID memberId, String fullName, String email, String phone, String city,
                                    String aboutMe, Instant registeredAt) {
    }

    record BaselineProfileUpdated(UUID memberId, String fullName, String phone, String city, String aboutMe,
                                  Instant updatedAt) {
    }
}
