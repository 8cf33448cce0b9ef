package com.matchmaking.schema.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record RecordPrivacyTraining(@TargetAggregateIdentifier UUID staffId, LocalDate completedOn, Instant recordedAt) {
}
