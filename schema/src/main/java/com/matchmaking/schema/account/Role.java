package com.matchmaking.schema.account;

/** Roles of API.md. A member holds MEMBER only; staff hold one or more of the others. */
public enum Role {
    MEMBER, MATCHMAKER, CUSTOMER_SERVICE, ANALYST, COMPLIANCE, ADMIN
}
