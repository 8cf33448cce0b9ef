package com.matchmaking.app.problem;

import graphql.ErrorClassification;

/** The stable error classifications of API.md, sent as {@code extensions.classification}. */
public enum Classification implements ErrorClassification {
    BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, INTERNAL_ERROR
}
