package com.matchmaking.app.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with an input, so one request gets every problem at once. Each message names a field and a
 * rule, never the value that broke it.
 */
public final class Violations {

    private final List<Message> messages = new ArrayList<>();

    public Violations check(boolean valid, MessageKey key, Object... args) {
        if (!valid) {
            messages.add(new Message(key, args));
        }
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** @throws RequestRejectedException with {@code BAD_REQUEST} when anything was wrong */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw RequestRejectedException.badRequest(MessageKey.INVALID_INPUT, List.copyOf(messages));
        }
    }
}
