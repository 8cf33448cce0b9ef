package com.matchmaking.schema.member;

/** Values of API.md, in ascending order: matching compares them by {@link #ordinal()}. */
public enum Education {
    HIGH_SCHOOL, ASSOCIATE, BACHELOR, MASTER, DOCTORATE;

    public boolean atLeast(Education minimum) {
        return compareTo(minimum) >= 0;
    }
}
