package com.matchmaking.schema.leakreport;

/** What a staff member suspects. */
public enum LeakCategory {
    DATA_LEAK, MISUSE_OF_ACCESS, LOST_DEVICE, OTHER
}
