package com.matchmaking.schema.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record RecordConfidentialityAgreement(@TargetAggregateIdentifier UUID staffId, String version, LocalDate signedOn,
                                             Instant recordedAt) {
}
