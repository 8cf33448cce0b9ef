package com.matchmaking.schema.member;

/** Values of API.md; the names are part of the GraphQL contract. */
public enum IncomeBand {
    UNDER_100K, FROM_100K_TO_300K, FROM_300K_TO_600K, OVER_600K
}
