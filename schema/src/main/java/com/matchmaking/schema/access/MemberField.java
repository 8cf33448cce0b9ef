package com.matchmaking.schema.access;

/** The fields of a member that staff may reveal one at a time, with a reason; names of API.md. */
public enum MemberField {
    FULL_NAME, PHONE, EMAIL, WECHAT_ID
}
