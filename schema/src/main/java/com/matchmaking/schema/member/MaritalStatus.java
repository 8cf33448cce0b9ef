package com.matchmaking.schema.member;

/** Values of API.md; the names are part of the GraphQL contract. */
public enum MaritalStatus {
    NEVER_MARRIED, DIVORCED, WIDOWED
}
