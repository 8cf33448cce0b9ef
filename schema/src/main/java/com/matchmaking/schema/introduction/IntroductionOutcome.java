package com.matchmaking.schema.introduction;

/** Where two introduced members stand after meeting. */
public enum IntroductionOutcome {
    CONTINUING, ENDED, SUCCESS
}
