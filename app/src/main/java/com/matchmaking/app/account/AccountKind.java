package com.matchmaking.app.account;

public enum AccountKind {
    MEMBER, STAFF
}
