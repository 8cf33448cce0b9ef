/**
 * Every contract of the backend: commands (imperative), events (past tense, with a revision) and queries, all Java
 * records; the GraphQL SDL under {@code graphql/}; and the Flyway migrations under {@code db/migration/}.
 *
 * <p>Every property of every event is classified for crypto-shredding with the annotations of the keys module:
 * {@code @PersonalData} (encrypted under its subject's key), {@code @NotPersonal} or {@code @DataSubjectId}. A test
 * walks every event and fails on anything unclassified.
 */
package com.matchmaking.schema;
