package com.matchmaking.app.account;

import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;

/** Two registrations raced for one login; the unique index let only one through. */
class LoginTakenException extends RequestRejectedException {

    LoginTakenException() {
        super(Classification.CONFLICT, MessageKey.EMAIL_TAKEN);
    }
}
